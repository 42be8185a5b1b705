package io.vitrine.kernel.testing;

import io.micronaut.context.ApplicationContext;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The kernel's application contexts for database-backed tests, one per database, booted once and
 * shared by every test class of the run (testing.md "Time budget"): H2 in MySQL mode in a file
 * under target/, and a fresh MariaDB database. Both have the migrations applied by Flyway, the
 * outbox and job runner with polling off (tests dispatch and run by hand), a {@link MutableClock}, files in
 * the database.
 */
public final class KernelContexts {

    public static final String FIXTURES = "vitrine.test.kernel-fixtures";

    private KernelContexts() {
    }

    public static ApplicationContext h2() {
        return H2.CONTEXT;
    }

    public static ApplicationContext mariaDb() {
        return MariaDb.CONTEXT;
    }

    /** The MariaDB database behind {@link #mariaDb()}, for a second process to share. */
    public static String mariaDbUrl() {
        return MariaDb.URL;
    }

    /** The properties of a kernel context on the given database; also used by child processes. */
    public static Map<String, Object> databaseProperties(String url, String user, String password) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("datasources.default.url", url);
        properties.put("datasources.default.username", user);
        properties.put("datasources.default.password", password);
        properties.put("datasources.default.driver-class-name",
                url.startsWith("jdbc:h2:") ? "org.h2.Driver" : "com.mysql.cj.jdbc.Driver");
        properties.put("datasources.default.dialect", "MYSQL");
        properties.put("datasources.default.maximum-pool-size", 6);
        properties.put("flyway.datasources.default.enabled", true);
        properties.put("flyway.datasources.default.locations", migrationsLocation());
        properties.put("micronaut.data.multi-tenancy.mode", "DISCRIMINATOR");
        properties.put("vitrine.outbox.polling-enabled", false);
        properties.put("vitrine.outbox.batch-size", 10);
        properties.put("vitrine.outbox.max-attempts", 3);
        properties.put("vitrine.outbox.initial-backoff", "10s");
        properties.put("vitrine.outbox.max-backoff", "40s");
        properties.put("vitrine.outbox.lease", "5m");
        properties.put("vitrine.jobs.polling-enabled", false);
        properties.put("vitrine.jobs.concurrency", 2);
        properties.put("vitrine.jobs.lease", "5m");
        properties.put("vitrine.jobs.max-attempts", 3);
        properties.put("vitrine.jobs.retry-delay", "10s");
        properties.put("vitrine.jobs.progress-batch-size", 10);
        properties.put("vitrine.jobs.progress-interval", "1h");
        properties.put("vitrine.jobs.max-errors-kept", 5);
        properties.put("vitrine.files.backend", "database");
        properties.putAll(fileCategories());
        properties.put(FIXTURES, true);
        return properties;
    }

    /** The categories the file-storage contract suite relies on. */
    public static Map<String, Object> fileCategories() {
        return Map.of(
                "vitrine.files.categories.licence.max-size", "64KB",
                "vitrine.files.categories.licence.allowed-types", "application/pdf,image/png,image/jpeg",
                "vitrine.files.categories.image.max-size", "64KB",
                "vitrine.files.categories.image.allowed-types", "image/png,image/jpeg,image/webp",
                "vitrine.files.categories.tabular.max-size", "64KB",
                "vitrine.files.categories.tabular.allowed-types",
                "text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                // large files in the database, stored in chunks (DatabaseFileStorageContract)
                "vitrine.files.categories.bulk.max-size", "24MB",
                "vitrine.files.categories.bulk.allowed-types", "text/csv");
    }

    public static ApplicationContext start(Map<String, Object> properties) {
        ApplicationContext context = ApplicationContext.builder()
                .deduceEnvironment(false)
                .environments("test")
                .properties(PrivacyTestKeys.with(properties))
                .start();
        if (context.containsBean(DataSource.class)) {
            context.getBean(DataSource.class); // Flyway migrates when the DataSource is created
        }
        return context;
    }

    /**
     * Kernel tests cannot depend on the migrations artifact (its tests depend on the kernel test-jar,
     * and Maven refuses the cycle), so they read the scripts from the source folder.
     */
    static String migrationsLocation() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path scripts = dir.resolve("migrations/src/main/resources/db/migration");
            if (Files.isDirectory(scripts)) {
                return "filesystem:" + scripts;
            }
        }
        throw new IllegalStateException("migrations/src/main/resources/db/migration not found above " + Path.of("").toAbsolutePath());
    }

    /**
     * Starts a context to share for the rest of the test JVM: closed at exit, after it whatever serves it (a fake
     * gateway, a notify receiver).
     */
    public static ApplicationContext startShared(Map<String, Object> properties, AutoCloseable... servingIt) {
        ApplicationContext context = start(properties);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            context.close();
            for (AutoCloseable resource : servingIt) {
                try {
                    resource.close();
                } catch (Exception e) {
                    // the JVM is exiting: nothing to do about it
                }
            }
        }));
        return context;
    }

    private static final class H2 {
        static final ApplicationContext CONTEXT = startShared(TestDatabase.h2("kernel").properties());
    }

    private static final class MariaDb {
        static final TestDatabase DATABASE = TestDatabase.mariaDb("kernel");
        static final String URL = DATABASE.url();
        static final ApplicationContext CONTEXT = startShared(DATABASE.properties());
    }
}
