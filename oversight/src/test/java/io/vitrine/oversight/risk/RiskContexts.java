package io.vitrine.oversight.risk;

import io.micronaut.context.ApplicationContext;
import io.vitrine.customs.signing.SignatureAlgorithm;
import io.vitrine.customs.signing.TestKeys;
import io.vitrine.customs.signing.infra.SigningKey;
import io.vitrine.kernel.testing.KernelContexts;
import io.vitrine.kernel.testing.TestServices;
import io.vitrine.tools.fakealipay.FakeAlipay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Contexts for the risk suites, one per database, as customs' declaration suites have them: the fake Alipay as the
 * gateway, a real directory exchange in a temporary folder (what was declared is what lies in its send folder) and
 * a real signer. Jobs that would race the tests are off; the tests dispatch the outbox by hand.
 */
final class RiskContexts {

    private static final char[] PASSWORD = "risk-test".toCharArray();

    private RiskContexts() {
    }

    record Screening(ApplicationContext context, FakeAlipay fake, Path exchange) {
    }

    static Screening h2() {
        return H2.SCREENING;
    }

    static Screening mariaDb() {
        return MariaDb.SCREENING;
    }

    private static Screening start(String url, String user, String password, Path folder) {
        try {
            FakeAlipay fake = FakeAlipay.start();
            SigningKey key = TestKeys.generate(SignatureAlgorithm.RSA_SHA1);
            Path keyStore = TestKeys.writePkcs12(folder.resolve("signer.p12"), key, "signer", PASSWORD);
            Path exchange = Files.createDirectories(folder.resolve("exchange"));
            Map<String, Object> properties = KernelContexts.databaseProperties(url, user, password);
            properties.put("vitrine.search.lucene-dir", folder.resolve("search").toString());
            properties.put("vitrine.catalog.reservations.expiry-enabled", false);
            properties.put("vitrine.orders.close-enabled", false);
            properties.put("vitrine.orders.payment-query.enabled", false);
            properties.put("vitrine.payments.alipay.reconciliation.daily-enabled", false);
            properties.put("vitrine.payments.alipay.gateway-url", fake.gatewayUrl().toString());
            properties.put("vitrine.payments.alipay.notify-url", "http://127.0.0.1:9/notify");
            properties.put("vitrine.tenants.settings.cache-ttl", "0s");
            properties.put("vitrine.customs.receipts.enabled", false);
            properties.put("vitrine.customs.signer.enabled", true);
            properties.put("vitrine.customs.signer.key-store", keyStore.toString());
            properties.put("vitrine.customs.signer.key-store-password", new String(PASSWORD));
            properties.put("vitrine.customs.exchange.channel", "directory");
            properties.put("vitrine.customs.exchange.directory.root", exchange.toString());
            ApplicationContext context = KernelContexts.start(properties);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                context.close();
                fake.close();
            }));
            return new Screening(context, fake, exchange);
        } catch (Exception e) {
            throw new IllegalStateException("could not start the risk context", e);
        }
    }

    private static Path folder(String name) {
        try {
            return Files.createTempDirectory(Files.createDirectories(Path.of("target")).toAbsolutePath(), name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class H2 {
        static final Screening SCREENING;

        static {
            Path folder = folder("h2-risk-");
            SCREENING = start(TestServices.h2FileUrl(folder, "risk"), "sa", "", folder);
        }
    }

    private static final class MariaDb {
        static final Screening SCREENING = start(TestServices.freshMariaDbDatabase("risk"),
                TestServices.mariaDbUser(), TestServices.mariaDbPassword(), folder("mariadb-risk-"));
    }
}
