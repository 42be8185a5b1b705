package io.vitrine.catalog.testing;

import io.micronaut.context.ApplicationContext;
import io.vitrine.kernel.testing.KernelContexts;
import io.vitrine.kernel.testing.TestServices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The catalog's database-backed contexts, one per database, booted once per test JVM and shared: the kernel's
 * test context (migrations, {@code MutableClock}, outbox polling off: events stay in the table for tests to
 * read) with the catalog's and tenants' beans, Lucene in a folder under target/ and the reservation expiry
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

    private static ApplicationContext start(String url, String user, String password, Path folder) {
        Map<String, Object> properties = KernelContexts.databaseProperties(url, user, password);
        properties.put("vitrine.search.lucene-dir", folder.resolve("search").toString());
        properties.put("vitrine.catalog.reservations.expiry-enabled", false);
        properties.put("vitrine.files.categories.image-rendition.max-size", "2MB");
        properties.put("vitrine.files.categories.image-rendition.allowed-types", "image/png,image/jpeg");
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
            Path folder = folder("h2-catalog-");
            CONTEXT = start(TestServices.h2FileUrl(folder, "catalog"), "sa", "", folder);
        }
    }

    private static final class MariaDb {
        static final ApplicationContext CONTEXT = start(TestServices.freshMariaDbDatabase("catalog"),
                TestServices.mariaDbUser(), TestServices.mariaDbPassword(), folder("mariadb-catalog-"));
    }
}
