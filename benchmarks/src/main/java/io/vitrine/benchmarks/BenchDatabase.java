package io.vitrine.benchmarks;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.transaction.TransactionOperations;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The kernel and tenants modules booted on one database as the application runs them: embedded H2 (file
 * database, local files) or MariaDB as in cluster mode (a fresh database on {@code VITRINE_TEST_MARIADB_URL},
 * default {@code jdbc:mysql://127.0.0.1:3306}, files in the database; dropped at the end). Migrations are
 * applied by Flyway; the job runner and outbox do not poll (the benchmark runs jobs itself).
 */
final class BenchDatabase implements AutoCloseable {

    static final String WAREHOUSE = "BW-01";

    private final String name;
    private final Path dataDir;
    private final String mariaDbDatabase;
    private final ApplicationContext context;
    private final String parkId;
    private int merchants;

    private BenchDatabase(String name, Path dataDir, String mariaDbDatabase, ApplicationContext context) {
        this.name = name;
        this.dataDir = dataDir;
        this.mariaDbDatabase = mariaDbDatabase;
        this.context = context;
        this.parkId = tenant("PARK", null);
        sql("INSERT INTO bonded_warehouses (id, park_id, code, name, ems_no, customs_code, area_code, operator_uscc, "
                + "created_at) VALUES (?, ?, ?, 'Bench bonded', 'T5349W000001', '5349', '534901', '91350100M000100Y43', ?)",
                UUID.randomUUID().toString(), parkId, WAREHOUSE, now());
    }

    static BenchDatabase start(String name) {
        return start(name, Map.of());
    }

    /** As {@link #start(String)}, with some properties of the benchmark's own (they win). */
    static BenchDatabase start(String name, Map<String, Object> overrides) {
        Path dataDir = temporaryDirectory();
        Map<String, Object> properties = new HashMap<>();
        String mariaDbDatabase = null;
        if (name.equals("h2")) {
            properties.put("datasources.default.url", "jdbc:h2:file:" + dataDir.resolve("db/vitrine")
                    + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;NON_KEYWORDS=VALUE");
            properties.put("datasources.default.username", "sa");
            properties.put("datasources.default.password", "");
            properties.put("datasources.default.driver-class-name", "org.h2.Driver");
            properties.put("vitrine.files.backend", "local");
        } else if (name.equals("mariadb")) {
            mariaDbDatabase = "vt_bench_" + Long.toString(System.currentTimeMillis(), 36);
            createMariaDbDatabase(mariaDbDatabase);
            properties.put("datasources.default.url", mariaDbUrl() + "/" + mariaDbDatabase + "?characterEncoding=UTF-8"
                    + "&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true&preserveInstants=true&useSSL=false"
                    + "&allowPublicKeyRetrieval=true" + extraJdbcOptions());
            properties.put("datasources.default.username", mariaDbUser());
            properties.put("datasources.default.password", mariaDbPassword());
            properties.put("datasources.default.driver-class-name", "com.mysql.cj.jdbc.Driver");
            properties.put("vitrine.files.backend", "database");
        } else {
            throw new IllegalArgumentException("database is h2 or mariadb, not " + name);
        }
        properties.put("datasources.default.dialect", "MYSQL");
        properties.put("datasources.default.maximum-pool-size", 10);
        properties.put("flyway.datasources.default.enabled", true);
        properties.put("flyway.datasources.default.locations", "classpath:db/migration");
        properties.put("micronaut.data.multi-tenancy.mode", "DISCRIMINATOR");
        properties.put("vitrine.data-dir", dataDir.toString());
        properties.put("vitrine.jobs.polling-enabled", false);
        properties.put("vitrine.outbox.polling-enabled", false);
        properties.put("vitrine.cache.backend", "in-process");
        // the application's upload categories (api application.yml)
        properties.put("vitrine.files.categories.tabular.max-size", "30MB");
        properties.put("vitrine.files.categories.tabular.allowed-types",
                "text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        properties.put("vitrine.files.categories.credentials.max-size", "32MB");
        properties.put("vitrine.files.categories.credentials.allowed-types", "text/csv");
        properties.put("vitrine.privacy.keys.bench", randomKey());
        properties.put("vitrine.privacy.current-key", "bench");
        properties.put("vitrine.privacy.blind-index-key", randomKey());
        // the catalog's beans, when on the classpath: no schedules, the search index in the temporary folder
        properties.put("vitrine.catalog.reservations.expiry-enabled", false);
        properties.putAll(overrides);
        ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false).properties(properties).start();
        context.getBean(DataSource.class); // Flyway migrates when the DataSource is created
        return new BenchDatabase(name, dataDir, mariaDbDatabase, context);
    }

    String name() {
        return name;
    }

    ApplicationContext context() {
        return context;
    }

    /** The data folder (embedded mode: the H2 database under {@code db/}, the Lucene index under {@code search/}). */
    Path dataDir() {
        return dataDir;
    }

    /** The MariaDB database's JDBC URL (cluster mode); empty for H2. */
    Optional<String> mariaDbJdbcUrl() {
        return Optional.ofNullable(mariaDbDatabase).map(db -> mariaDbUrl() + "/" + db);
    }

    /** The park every merchant of this database belongs to. */
    String parkId() {
        return parkId;
    }

    /**
     * Stops the modules (and their pool) but keeps the data, so the application itself can open the same
     * database next (an H2 file database admits one process at a time). {@link #close()} still removes it.
     */
    void release() {
        if (context.isRunning()) {
            context.close();
        }
    }

    /** A new retailer of the park, with nothing yet: its id. */
    String newMerchant() {
        return tenant("RETAILER", parkId);
    }

    /** The storefront slug of a tenant ({@code /s/<slug>}). */
    String slugOf(String tenant) {
        return inTransaction(connection -> {
            try (PreparedStatement prepared = connection.prepareStatement("SELECT slug FROM tenants WHERE id = ?")) {
                prepared.setString(1, tenant);
                try (var rows = prepared.executeQuery()) {
                    rows.next();
                    return rows.getString(1);
                }
            }
        });
    }

    /** Work on one connection in one transaction of the application's pool, committed at the end. */
    @SuppressWarnings("unchecked")
    <T> T inTransaction(Work<T> work) {
        TransactionOperations<Connection> transactions = context.getBean(Argument.of(TransactionOperations.class, Connection.class));
        return transactions.executeWrite(status -> {
            try {
                return work.run(status.getConnection());
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs one statement in its own transaction (fixtures). */
    void sql(String statement, Object... parameters) {
        inTransaction(connection -> {
            try (PreparedStatement prepared = connection.prepareStatement(statement)) {
                for (int i = 0; i < parameters.length; i++) {
                    prepared.setObject(i + 1, parameters[i]);
                }
                return prepared.execute();
            }
        });
    }

    long count(String query, String tenant) {
        return inTransaction(connection -> {
            try (PreparedStatement prepared = connection.prepareStatement(query)) {
                prepared.setString(1, tenant);
                try (var rows = prepared.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
    }

    private String tenant(String kind, String park) {
        String id = UUID.randomUUID().toString();
        int n = ++merchants;
        String slug = "bench-" + kind.toLowerCase(Locale.ROOT) + "-" + n;
        sql("INSERT INTO tenants (id, kind, slug, name, legal_name, uscc, customs_code, park_id, status, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?)",
                id, kind, slug, slug, slug + " Co., Ltd.", String.format("91BENCH%011d", n), "4403000000", park, now());
        return id;
    }

    private static String now() {
        return Instant.now().toString().replace('T', ' ').replace("Z", "");
    }

    @Override
    public void close() {
        release();
        if (mariaDbDatabase != null) {
            try (Connection c = DriverManager.getConnection(mariaDbUrl() + "/", mariaDbUser(), mariaDbPassword());
                 Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS `" + mariaDbDatabase + "`");
            } catch (SQLException e) {
                System.err.println("could not drop " + mariaDbDatabase + ": " + e.getMessage());
            }
        }
        try (Stream<Path> paths = Files.walk(dataDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }

    private static void createMariaDbDatabase(String database) {
        try (Connection c = DriverManager.getConnection(mariaDbUrl() + "/", mariaDbUser(), mariaDbPassword());
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("MariaDB is not reachable at " + mariaDbUrl()
                    + " (set VITRINE_TEST_MARIADB_URL, _USER, _PASSWORD): " + e.getMessage(), e);
        }
    }

    /**
     * {@code -Dvitrine.bench.jdbc-options=rewriteBatchedStatements=true} (more joined by {@code &}): driver options
     * added to the MariaDB URL, to measure one (benchmarks/results/freshness.md measured that one).
     */
    private static String extraJdbcOptions() {
        String options = System.getProperty("vitrine.bench.jdbc-options", "").strip();
        return options.isEmpty() ? "" : "&" + options;
    }

    static String mariaDbUrl() {
        return env("VITRINE_TEST_MARIADB_URL", "jdbc:mysql://127.0.0.1:3306");
    }

    static String mariaDbUser() {
        return env("VITRINE_TEST_MARIADB_USER", "root");
    }

    static String mariaDbPassword() {
        return env("VITRINE_TEST_MARIADB_PASSWORD", "");
    }

    /** The environment variable {@code name}, unless a system property of that name (set by a suite) says otherwise. */
    private static String env(String name, String fallback) {
        String value = System.getProperty(name, System.getenv(name));
        return value == null || value.isBlank() ? fallback : value;
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("vitrine-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fresh personal-data keys for one run of the application (the encryption key "bench" and the blind index key). */
    static void putPrivacyKeys(Map<String, String> env) {
        env.put("VITRINE_PRIVACY_KEYS_BENCH", randomKey());
        env.put("VITRINE_PRIVACY_CURRENT_KEY", "bench");
        env.put("VITRINE_PRIVACY_BLIND_INDEX_KEY", randomKey());
    }

    static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
