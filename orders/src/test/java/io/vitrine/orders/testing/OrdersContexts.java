package io.vitrine.orders.testing;

import io.micronaut.context.ApplicationContext;
import io.vitrine.kernel.testing.KernelContexts;
import io.vitrine.kernel.testing.TestDatabase;

import java.util.Map;

/**
 * The orders module's database-backed contexts, one per database, booted once per test JVM and shared: the kernel's
 * test context (migrations, {@code MutableClock}, outbox and jobs polling off) with the orders', catalog's and
 * tenants' beans; Lucene in the database's folder under target/ and the stock reservation expiry round off.
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

    private static ApplicationContext start(TestDatabase database) {
        Map<String, Object> properties = database.properties();
        properties.put("vitrine.search.lucene-dir", database.folder().resolve("search").toString());
        properties.put("vitrine.catalog.reservations.expiry-enabled", false);
        properties.put("datasources.default.maximum-pool-size", 12);
        return KernelContexts.startShared(properties);
    }

    private static final class H2 {
        static final ApplicationContext CONTEXT = start(TestDatabase.h2("orders"));
    }

    private static final class MariaDb {
        static final ApplicationContext CONTEXT = start(TestDatabase.mariaDb("orders"));
    }
}
