package io.vitrine.customs.simulator;

import io.micronaut.context.ApplicationContext;
import io.vitrine.customs.exchange.DxpEnvelope;
import io.vitrine.customs.exchange.DxpRoute;
import io.vitrine.customs.exchange.ExchangeChannel;
import io.vitrine.customs.exchange.MessageHandoff;
import io.vitrine.customs.exchange.ReceiptInbox;
import io.vitrine.customs.messages.CebReader;
import io.vitrine.customs.messages.DeclarationReceipt;
import io.vitrine.customs.signing.SignatureAlgorithm;
import io.vitrine.customs.signing.TestKeys;
import io.vitrine.kernel.testing.PrivacyTestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/configuration.md's {@code vitrine.customs.simulator.*}: in process, it serves the module's exchange. */
class SimulatorWiringTest {

    @Test
    void enabled_in_process_it_answers_what_the_handoff_sends_through_the_default_exchange(@TempDir Path dir)
            throws Exception {
        TestKeys.writePkcs12(dir.resolve("declarant.p12"), TestKeys.generate(SignatureAlgorithm.RSA_SHA1), "declarant",
                "s3cret".toCharArray());
        Map<String, Object> properties = new HashMap<>(Map.of(
                "vitrine.customs.signer.enabled", "true",
                "vitrine.customs.signer.key-store", dir.resolve("declarant.p12").toString(),
                "vitrine.customs.signer.key-store-password", "s3cret",
                "vitrine.customs.simulator.enabled", "true",
                "vitrine.customs.simulator.data-dir", dir.resolve("simulator").toString(),
                "vitrine.customs.simulator.poll-interval", "100ms",
                "vitrine.customs.simulator.first-answer-delay", "0s",
                "vitrine.customs.simulator.answer-interval", "0s"));

        try (ApplicationContext context = ApplicationContext.run(PrivacyTestKeys.with(properties))) {
            assertThat(context.getBean(ExchangeChannel.class)).isSameAs(context.getBean(ReceiptInbox.class));
            String guid = context.getBean(MessageHandoff.class).handOff(DxpRoute.importFrom(SimulatorFixtures.SENDER),
                    SimulatorFixtures.orderXml(context.getBean(Clock.class),
                            SimulatorFixtures.order("VT20261130000100", "李四"))).transInfo().copMsgId();

            List<DeclarationReceipt> receipts = new ArrayList<>();
            for (int i = 0; i < 300 && receipts.stream().noneMatch(r -> r.returnStatus() == 120); i++) {
                context.getBean(ReceiptInbox.class).pickUp(10, m -> receipts.add((DeclarationReceipt) new CebReader()
                        .read(DxpEnvelope.payloadOf(m.content(), 1 << 20)).body()));
                Thread.sleep(100);
            }

            assertThat(receipts).extracting(DeclarationReceipt::returnStatus).containsExactly(2, 120);
            assertThat(receipts).extracting(DeclarationReceipt::guid).containsOnly(guid);
            assertThat(Files.readString(dir.resolve("simulator/ledger.jsonl"))).contains(guid);
        }
    }

    /**
     * A receipt claimed by an instance that was killed goes back after the configured claim timeout: the simulator's
     * exchange had 10 minutes built in, so after a kill a declaration waited that long for its 120.
     */
    @Test
    void a_receipt_claimed_by_a_dead_instance_comes_back_after_the_configured_claim_timeout(@TempDir Path dir)
            throws Exception {
        Map<String, Object> properties = Map.of("vitrine.customs.simulator.enabled", "true",
                "vitrine.data-dir", dir.toString(), "vitrine.customs.exchange.directory.claim-timeout", "2s");
        try (ApplicationContext context = ApplicationContext.run(PrivacyTestKeys.with(properties))) {
            Path claimed = dir.resolve("customs-simulator/exchange/work/claimed");
            Files.createDirectories(claimed);
            long fiveSecondsAgo = context.getBean(Clock.class).millis() - 5_000;
            Files.writeString(claimed.resolve(fiveSecondsAgo + "~" + java.util.UUID.randomUUID()
                    + "~CEB312Message_LEFT-BY-A-DEAD-INSTANCE.xml"), "<receipt/>");

            List<String> picked = new ArrayList<>();
            context.getBean(ReceiptInbox.class).pickUp(10, m -> picked.add(new String(m.content())));

            assertThat(picked).containsExactly("<receipt/>");
        }
    }

    @Test
    void off_by_default_outside_the_embedded_configuration() {
        try (ApplicationContext context = ApplicationContext.run(PrivacyTestKeys.with(Map.of()))) {
            assertThat(context.containsBean(SingleWindowSimulator.class)).isFalse();
            assertThat(context.containsBean(ExchangeChannel.class)).isFalse();
        }
    }

    @Test
    void without_anything_to_send_to_it_the_simulator_is_not_polled(@TempDir Path dir) {
        Map<String, Object> properties = Map.of("vitrine.customs.simulator.enabled", "true",
                "vitrine.data-dir", dir.toString());
        try (ApplicationContext context = ApplicationContext.run(PrivacyTestKeys.with(properties))) {
            assertThat(context.containsBean(SingleWindowSimulator.class)).isTrue();
            assertThat(context.containsBean(MessageHandoff.class)).isFalse();
            assertThat(context.containsBean(SimulatorPoller.class)).isFalse();
        }
    }

    @Test
    void the_embedded_generated_signer_makes_the_pipeline_run_and_keeps_its_key_across_restarts(@TempDir Path dir)
            throws Exception {
        Map<String, Object> properties = Map.of("vitrine.customs.simulator.enabled", "true",
                "vitrine.customs.signer.generated", "true", "vitrine.data-dir", dir.toString());
        String first;
        try (ApplicationContext context = ApplicationContext.run(PrivacyTestKeys.with(properties))) {
            assertThat(context.getBean(MessageHandoff.class)).isNotNull();
            assertThat(context.containsBean(SimulatorPoller.class)).isTrue();
            first = Files.readString(dir.resolve("customs-signer/signer-certificate.pem"));
        }
        try (ApplicationContext context = ApplicationContext.run(PrivacyTestKeys.with(properties))) {
            assertThat(context.getBean(MessageHandoff.class)).isNotNull();
            assertThat(Files.readString(dir.resolve("customs-signer/signer-certificate.pem"))).isEqualTo(first);
            byte[] signed = context.getBean(io.vitrine.customs.signing.MessageSigner.class)
                    .sign(SimulatorFixtures.orderXml(context.getBean(Clock.class),
                            SimulatorFixtures.order("VT20261130000101", "李四")));
            assertThat(context.getBean(io.vitrine.customs.signing.SignatureVerifier.class).verify(signed)
                    .certificate().getEncoded()).isEqualTo(java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(Files.newInputStream(dir.resolve("customs-signer/signer-certificate.pem")))
                    .getEncoded());
        }
    }
}
