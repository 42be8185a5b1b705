package io.vitrine.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;

/**
 * Counts the SQL statements the application sends to MariaDB, on the server, and only the application's: the
 * application connects as a MariaDB user of its own ({@code vtb_<tag>}, rights on the benchmark's database only),
 * and MariaDB's user statistics ({@code information_schema.USER_STATISTICS}, on while the benchmark runs:
 * {@code userstat}) count every command of that user as it completes — SELECTs, data changes (INSERT, UPDATE,
 * DELETE, upserts) and the rest (SET, COMMIT, ROLLBACK, …). Other work on the shared server runs as other users and
 * is not counted. Needs a MariaDB account that may create users and set a global variable (root, as {@code ./vitrine
 * test} uses); otherwise {@link #open} answers empty and the report says the statements were not counted.
 */
final class StatementCounter implements AutoCloseable {

    /** The counters at one moment. */
    record Counts(long selects, long changes, long others) {

        Counts minus(Counts earlier) {
            return new Counts(selects - earlier.selects, changes - earlier.changes, others - earlier.others);
        }

        /** SELECTs and data changes: what a JDBC statement count would call statements. */
        long data() {
            return selects + changes;
        }

        long all() {
            return selects + changes + others;
        }
    }

    private final Connection root;
    private final String user;
    private final String password;
    private final boolean userstatWasOn;

    private StatementCounter(Connection root, String user, String password, boolean userstatWasOn) {
        this.root = root;
        this.user = user;
        this.password = password;
        this.userstatWasOn = userstatWasOn;
    }

    /** Creates the application's user with rights on {@code database} and turns user statistics on. */
    static Optional<StatementCounter> open(String database) {
        String user = "vtb_" + Long.toString(System.currentTimeMillis(), 36);
        String password = "pw-" + BenchDatabase.randomKey().substring(0, 16).replaceAll("[^A-Za-z0-9]", "x");
        try {
            Connection root = DriverManager.getConnection(BenchDatabase.mariaDbUrl() + "/", BenchDatabase.mariaDbUser(),
                    BenchDatabase.mariaDbPassword());
            boolean wasOn;
            try (Statement s = root.createStatement(); ResultSet rows = s.executeQuery("SELECT @@GLOBAL.userstat")) {
                rows.next();
                wasOn = rows.getBoolean(1);
            }
            try (Statement s = root.createStatement()) {
                for (String host : new String[]{"127.0.0.1", "localhost"}) {
                    s.execute("CREATE USER '" + user + "'@'" + host + "' IDENTIFIED BY '" + password + "'");
                    s.execute("GRANT ALL PRIVILEGES ON `" + database + "`.* TO '" + user + "'@'" + host + "'");
                }
                s.execute("SET GLOBAL userstat = ON");
            }
            return Optional.of(new StatementCounter(root, user, password, wasOn));
        } catch (SQLException e) {
            System.err.println("SQL statements will not be counted (" + e.getMessage() + ")");
            return Optional.empty();
        }
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    /** The application user's counters now (zero before its first connection). */
    Counts now() {
        try (PreparedStatement query = root.prepareStatement("SELECT SELECT_COMMANDS, UPDATE_COMMANDS, OTHER_COMMANDS "
                + "FROM information_schema.USER_STATISTICS WHERE USER = ?")) {
            query.setString(1, user);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? new Counts(rows.getLong(1), rows.getLong(2), rows.getLong(3)) : new Counts(0, 0, 0);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Drops the user and turns user statistics off again unless they were on before. */
    @Override
    public void close() {
        try (Statement s = root.createStatement()) {
            for (String host : new String[]{"127.0.0.1", "localhost"}) {
                s.execute(String.format(Locale.ROOT, "DROP USER IF EXISTS '%s'@'%s'", user, host));
            }
            if (!userstatWasOn) {
                s.execute("SET GLOBAL userstat = OFF");
            }
            root.close();
        } catch (SQLException e) {
            System.err.println("could not drop " + user + " or restore userstat: " + e.getMessage());
        }
    }
}
