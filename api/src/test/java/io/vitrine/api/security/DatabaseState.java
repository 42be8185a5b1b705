package io.vitrine.api.security;

import io.micronaut.core.type.Argument;
import io.micronaut.transaction.TransactionOperations;
import io.vitrine.api.testing.RunningVitrine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A fingerprint of every table's rows (count and content), to prove a refused request changed nothing: not only no
 * row added or removed, no value changed either. Left out: what moves on its own while nobody asks (Flyway's
 * history, ShedLock's locks, the idempotency store, which claims and frees a key around every refused request, the
 * outbox deliveries and jobs that background workers advance) and the "last seen" columns a signed device request
 * writes by design.
 */
final class DatabaseState {

    private static final Set<String> SKIPPED_TABLES = Set.of("flyway_schema_history", "shedlock", "idempotency_keys",
            "outbox_deliveries", "jobs");
    private static final Set<String> SKIPPED_COLUMNS = Set.of("last_seen_at", "last_heartbeat_at", "offline_since",
            "last_login_at");

    private DatabaseState() {
    }

    /** Table name to {@code rows:content-hash}. */
    @SuppressWarnings("unchecked")
    static Map<String, String> of(RunningVitrine vitrine) {
        TransactionOperations<Connection> transactions = vitrine.context().getBean(
                Argument.of(TransactionOperations.class, Connection.class));
        return transactions.executeRead(status -> {
            try {
                Connection connection = status.getConnection();
                Map<String, String> state = new TreeMap<>();
                for (String table : tables(connection)) {
                    state.put(table, fingerprint(connection, table));
                }
                return state;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The tables whose fingerprint differs, with both. */
    static List<String> differences(Map<String, String> before, Map<String, String> after) {
        List<String> changed = new ArrayList<>();
        after.forEach((table, state) -> {
            if (!state.equals(before.get(table))) {
                changed.add(table + " " + before.get(table) + " -> " + state);
            }
        });
        return changed;
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        DatabaseMetaData meta = connection.getMetaData();
        try (ResultSet rows = meta.getTables(connection.getCatalog(), connection.getSchema(), "%", new String[]{"TABLE"})) {
            while (rows.next()) {
                String name = rows.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (!SKIPPED_TABLES.contains(name)) {
                    tables.add(name);
                }
            }
        }
        return tables;
    }

    private static String fingerprint(Connection connection, String table) throws SQLException {
        long rows = 0;
        long sum = 0;
        try (Statement select = connection.createStatement(); ResultSet result = select.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData meta = result.getMetaData();
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    if (!SKIPPED_COLUMNS.contains(meta.getColumnLabel(i).toLowerCase(Locale.ROOT))) {
                        row.append(result.getString(i)).append('\u0001');
                    }
                }
                rows++;
                sum += hash(row.toString());
            }
        }
        return rows + ":" + Long.toHexString(sum);
    }

    private static long hash(String row) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(row.getBytes(StandardCharsets.UTF_8));
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | (digest[i] & 0xff);
            }
            return value;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
