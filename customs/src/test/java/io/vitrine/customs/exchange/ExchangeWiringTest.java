package io.vitrine.customs.exchange;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.exceptions.BeanInstantiationException;
import io.vitrine.customs.exchange.infra.HttpExchange;
import io.vitrine.customs.exchange.infra.DirectoryExchange;
import io.vitrine.customs.signing.MessageSigner;
import io.vitrine.customs.signing.SignatureAlgorithm;
import io.vitrine.customs.signing.SignatureVerifier;
import io.vitrine.customs.signing.CebSamples;
import io.vitrine.customs.signing.DigestAlgorithm;
import io.vitrine.customs.signing.TestKeys;
import io.vitrine.customs.signing.infra.SigningKey;
import io.vitrine.kernel.testing.PrivacyTestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The properties of docs/configuration.md produce the adapters they promise. */
class ExchangeWiringTest {

    @Test
    void signer_and_directory_exchange_come_from_configuration(@TempDir Path dir) throws Exception {
        SigningKey key = TestKeys.generate(SignatureAlgorithm.SM2_SM3);
        TestKeys.writePkcs12(dir.resolve("declarant.p12"), key, "declarant", "s3cret".toCharArray());
        Map<String, Object> properties = Map.of(
                "vitrine.customs.signer.enabled", "true",
                "vitrine.customs.signer.algorithm", "SM2_SM3",
                "vitrine.customs.signer.digest", "SM3",
                "vitrine.customs.signer.key-store", dir.resolve("declarant.p12").toString(),
                "vitrine.customs.signer.key-store-password", "s3cret",
                "vitrine.customs.exchange.channel", "directory",
                "vitrine.customs.exchange.directory.root", dir.resolve("exchange").toString());

        try (ApplicationContext context = ApplicationContext.run(PrivacyTestKeys.with(properties))) {
            MessageSigner signer = context.getBean(MessageSigner.class);
            assertEquals(DigestAlgorithm.SM3, signer.digest());
            assertEquals(key.certificate(), context.getBean(SignatureVerifier.class).verify(signer.sign(CebSamples.unsignedOrder())).certificate());
            assertInstanceOf(DirectoryExchange.class, context.getBean(ExchangeChannel.class));
            assertSame(context.getBean(ExchangeChannel.class), context.getBean(ReceiptInbox.class));
            context.getBean(MessageHandoff.class).handOff(DxpRoute.importFrom(Messages.SENDER), CebSamples.unsignedOrder());
            assertTrue(Files.exists(dir.resolve("exchange/send/CEB311Message_" + CebSamples.GUID + ".xml")));
        }
    }

    @Test
    void the_http_channel_posts_to_the_configured_url() {
        try (ApplicationContext context = ApplicationContext.run(PrivacyTestKeys.with(Map.of(
                "vitrine.customs.exchange.channel", "http",
                "vitrine.customs.exchange.http.url", "http://127.0.0.1:9/dxp",
                "vitrine.customs.exchange.http.attempts", "2")))) {
            assertInstanceOf(HttpExchange.class, context.getBean(ExchangeChannel.class));
            assertFalse(context.containsBean(ReceiptInbox.class));
        }
    }

    @Test
    void a_chosen_channel_without_its_settings_fails_naming_the_property() {
        try (ApplicationContext context = ApplicationContext.run(PrivacyTestKeys.with(Map.of("vitrine.customs.exchange.channel", "http")))) {
            BeanInstantiationException failure = assertThrows(BeanInstantiationException.class, () -> context.getBean(ExchangeChannel.class));
            assertTrue(rootMessage(failure).contains("vitrine.customs.exchange.http.url"), rootMessage(failure));
        }
        try (ApplicationContext context = ApplicationContext.run(PrivacyTestKeys.with(Map.of("vitrine.customs.signer.enabled", "true")))) {
            BeanInstantiationException failure = assertThrows(BeanInstantiationException.class, () -> context.getBean(MessageSigner.class));
            assertTrue(rootMessage(failure).contains("vitrine.customs.signer.key-store"), rootMessage(failure));
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }

    @Test
    void by_default_there_is_no_local_signer_and_no_exchange_adapter() {
        try (ApplicationContext context = ApplicationContext.run(PrivacyTestKeys.properties())) {
            assertFalse(context.containsBean(MessageSigner.class));
            assertFalse(context.containsBean(ExchangeChannel.class));
            assertFalse(context.containsBean(MessageHandoff.class));
            assertTrue(context.containsBean(SignatureVerifier.class));
        }
    }
}
