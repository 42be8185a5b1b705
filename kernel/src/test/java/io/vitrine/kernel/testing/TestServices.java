package io.vitrine.kernel.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the real services used by tests live, and per-run isolation on them.
 *
 * <p>The README's test command ({@code ./vitrine test}) starts what is missing and exports:
 * {@code VITRINE_TEST_RUN_ID}, {@code VITRINE_TEST_MARIADB_URL}, {@code VITRINE_TEST_REDIS_URI},
 * {@code VITRINE_TEST_REDIS_CLUSTER_NODES}, {@code VITRINE_TEST_ES_URL}. MariaDB and Redis default
 * to the machine's own services; the Redis Cluster and Elasticsearch node have no default, and a
 * test that needs one fails with a message saying how to get it — never silently skips.
 */
public final class TestServices {

    private static final String RUN_ID = env("VITRINE_TEST_RUN_ID")
            .orElse(Long.toString(System.currentTimeMillis(), 36) + ProcessHandle.current().pid())
            .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");

    private TestServices() {
    }

    /** Unique per test run; prefixes databases and Redis keys so runs never see each other. */
    public static String runId() {
        return RUN_ID;
    }

    public static String mariaDbServerUrl() {
        return env("VITRINE_TEST_MARIADB_URL").orElse("jdbc:mysql://127.0.0.1:3306");
    }

    public static String mariaDbUser() {
        return env("VITRINE_TEST_MARIADB_USER").orElse("root");
    }

    public static String mariaDbPassword() {
        return env("VITRINE_TEST_MARIADB_PASSWORD").orElse("");
    }

    /**
     * Creates (if needed) a database named {@code vt_<runId>_<purpose>} and returns its JDBC URL,
     * with the connection settings the application uses in cluster mode. Dropped when the JVM exits.
     */
    public static synchronized String freshMariaDbDatabase(String purpose) {
        String name = ("vt_" + RUN_ID + "_" + purpose).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        try (Connection c = DriverManager.getConnection(mariaDbServerUrl() + "/", mariaDbUser(), mariaDbPassword());
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("MariaDB is not reachable at " + mariaDbServerUrl()
                    + " (run the tests through ./vitrine test, which starts it): " + e.getMessage(), e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> dropQuietly(name)));
        return mariaDbServerUrl() + "/" + name + "?" + clusterJdbcOptions();
    }

    /** The options cluster mode puts on its MySQL URL: UTF-8 and instants kept in UTC. */
    public static String clusterJdbcOptions() {
        return "characterEncoding=UTF-8&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true"
                + "&preserveInstants=true&useSSL=false&allowPublicKeyRetrieval=true";
    }

    /** H2 in MySQL mode, as the embedded default uses it (stack-notes.md). */
    public static String h2FileUrl(Path directory, String name) {
        return "jdbc:h2:file:" + directory.resolve(name).toAbsolutePath()
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;NON_KEYWORDS=VALUE";
    }

    public static String redisUri() {
        return env("VITRINE_TEST_REDIS_URI").orElse("redis://127.0.0.1:6379");
    }

    /** A key prefix unique to this run, so runs sharing one Redis never collide. */
    public static String redisKeyPrefix() {
        return "vt" + RUN_ID;
    }

    /** host:port of each node of the local Redis Cluster started by the test command. */
    public static List<String> redisClusterNodes() {
        return Arrays.asList(required("VITRINE_TEST_REDIS_CLUSTER_NODES", "a local 3-node Redis Cluster").split(","));
    }

    /** Base URL of the Elasticsearch node launched from Maven Central jars by the test command. */
    public static String elasticsearchUrl() {
        return required("VITRINE_TEST_ES_URL", "the Elasticsearch test node");
    }

    private static void dropQuietly(String database) {
        try (Connection c = DriverManager.getConnection(mariaDbServerUrl() + "/", mariaDbUser(), mariaDbPassword());
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS `" + database + "`");
        } catch (SQLException ignored) {
            // the test command drops leftovers of earlier runs too
        }
    }

    private static String required(String variable, String what) {
        return env(variable).orElseThrow(() -> new IllegalStateException(
                variable + " is not set: " + what + " is started by ./vitrine test (or export it yourself)"));
    }

    private static Optional<String> env(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            value = System.getProperty(name);
        }
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }
}
