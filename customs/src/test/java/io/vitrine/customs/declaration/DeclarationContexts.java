package io.vitrine.customs.declaration;

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
 * Contexts for the declaration suites, one per database: the fake Alipay as the gateway (to place orders), a real
 * {@code DirectoryExchange} in a temporary folder and a real local signer with an RSA key made here (PKCS#12). The
 * receipt round is off (tests run it by hand); the settings cache is off (tests write the customs codes). Published in
 * customs' test-jar: oversight's risk suites run on these contexts too (with oversight on the class path, its
 * declaration screening takes part).
 */
public final class DeclarationContexts {

    static final char[] PASSWORD = "declaration-test".toCharArray();

    private DeclarationContexts() {
    }

    public record Declaring(ApplicationContext context, FakeAlipay fake, Path exchange, SigningKey key) {
    }

    public static Declaring h2() {
        return H2.DECLARING;
    }

    public static Declaring mariaDb() {
        return MariaDb.DECLARING;
    }

    private static Declaring start(String url, String user, String password, Path folder) {
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
            return new Declaring(context, fake, exchange, key);
        } catch (Exception e) {
            throw new IllegalStateException("could not start the declaration context", e);
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
        static final Declaring DECLARING;

        static {
            Path folder = folder("h2-declaring-");
            DECLARING = start(TestServices.h2FileUrl(folder, "declaring"), "sa", "", folder);
        }
    }

    private static final class MariaDb {
        static final Declaring DECLARING = start(TestServices.freshMariaDbDatabase("declaring"),
                TestServices.mariaDbUser(), TestServices.mariaDbPassword(), folder("mariadb-declaring-"));
    }
}
