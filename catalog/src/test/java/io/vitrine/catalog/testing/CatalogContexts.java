package io.vitrine.catalog.testing;

import io.micronaut.context.ApplicationContext;
import io.vitrine.kernel.testing.KernelContexts;
import io.vitrine.kernel.testing.TestDatabase;

import java.util.Map;

/**
 * The catalog's database-backed contexts, one per database, booted once per test JVM and shared: the kernel's
 * test context (migrations, {@code MutableClock}, outbox polling off: events stay in the table for tests to
 * read) with the catalog's and tenants' beans, Lucene in the database's folder under target/ and the reservation expiry
 * round off (tests run it by hand).
 */
public final class CatalogContexts {

    private CatalogContexts() {
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
        properties.put("vitrine.files.categories.image-rendition.max-size", "2MB");
        properties.put("vitrine.files.categories.image-rendition.allowed-types", "image/png,image/jpeg");
        return KernelContexts.startShared(properties);
    }

    private static final class H2 {
        static final ApplicationContext CONTEXT = start(TestDatabase.h2("catalog"));
    }

    private static final class MariaDb {
        static final ApplicationContext CONTEXT = start(TestDatabase.mariaDb("catalog"));
    }
}
