package io.vitrine.tenants.alerts;

import io.micronaut.context.ApplicationContext;
import io.vitrine.kernel.testing.KernelContexts;
import io.vitrine.kernel.testing.TestServices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The kernel's test context (migrations, {@code MutableClock}, outbox polling off: tests dispatch by hand) with the
 * tenants beans, one per database, booted once per test JVM. Webhooks may go to loopback here (the receivers are on
 * this machine); {@code infra.JdkWebhookPosterTest} checks the production refusal. The devices' offline watch runs
 * by hand ({@code devices.OfflineWatchSuite}).
 */
public final class AlertContexts {

    private AlertContexts() {
    }

    public static ApplicationContext h2() {
        return H2.CONTEXT;
    }

    public static ApplicationContext mariaDb() {
        return MariaDb.CONTEXT;
    }

    private static ApplicationContext start(String url, String user, String password) {
        Map<String, Object> properties = KernelContexts.databaseProperties(url, user, password);
        properties.put("vitrine.alerts.webhook.allow-private-addresses", true);
        properties.put("vitrine.alerts.webhook.timeout", "2s");
        properties.put("vitrine.tenants.settings.cache-ttl", "0s");
        properties.put("vitrine.devices.offline-check-enabled", false);
        ApplicationContext context = KernelContexts.start(properties);
        Runtime.getRuntime().addShutdownHook(new Thread(context::close));
        return context;
    }

    private static final class H2 {
        static final ApplicationContext CONTEXT;

        static {
            try {
                Path folder = Files.createTempDirectory(Files.createDirectories(Path.of("target")).toAbsolutePath(),
                        "h2-alerts-");
                CONTEXT = start(TestServices.h2FileUrl(folder, "alerts"), "sa", "");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final class MariaDb {
        static final ApplicationContext CONTEXT = start(TestServices.freshMariaDbDatabase("alerts"),
                TestServices.mariaDbUser(), TestServices.mariaDbPassword());
    }
}
