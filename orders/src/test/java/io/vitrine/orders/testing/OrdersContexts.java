package io.vitrine.orders.testing;

import io.micronaut.context.ApplicationContext;
import io.vitrine.kernel.testing.KernelContexts;
import io.vitrine.kernel.testing.TestServices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The orders module's database-backed contexts, one per database, booted once per test JVM and shared: the kernel's
 * test context (migrations, {@code MutableClock}, outbox and jobs polling off) with the orders', catalog's and
 * tenants' beans; Lucene in a folder under target/ and the stock reservation expiry round off.
 */
public final class OrdersContexts {

    private OrdersContexts() {
    }

    public static ApplicationContext h2() {
        return H2.CONTEXT;
    }

    public static ApplicationContext mariaDb() {
        return MariaDb.CONTEXT;
    }

    private static ApplicationContext start(String url, String user, String password, Path folder) {
        Map<String, Object> properties = KernelContexts.databaseProperties(url, user, password);
        properties.put("vitrine.search.lucene-dir", folder.resolve("search").toString());
        properties.put("vitrine.catalog.reservations.expiry-enabled", false);
        properties.put("datasources.default.maximum-pool-size", 12);
        ApplicationContext context = KernelContexts.start(properties);
        Runtime.getRuntime().addShutdownHook(new Thread(context::close));
        return context;
    }

    private static Path folder(String name) {
        try {
            return Files.createTempDirectory(Files.createDirectories(Path.of("target")).toAbsolutePath(), name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class H2 {
        static final ApplicationContext CONTEXT;

        static {
            Path folder = folder("h2-orders-");
            CONTEXT = start(TestServices.h2FileUrl(folder, "orders"), "sa", "", folder);
        }
    }

    private static final class MariaDb {
        static final ApplicationContext CONTEXT = start(TestServices.freshMariaDbDatabase("orders"),
                TestServices.mariaDbUser(), TestServices.mariaDbPassword(), folder("mariadb-orders-"));
    }
}
