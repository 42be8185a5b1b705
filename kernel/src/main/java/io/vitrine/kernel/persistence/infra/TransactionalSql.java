package io.vitrine.kernel.persistence.infra;

import io.micronaut.transaction.TransactionOperations;
import io.vitrine.kernel.time.infra.SqlInstants;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Hand-written SQL (H2 in MySQL mode and MariaDB) run on the connection of the transaction the caller is in, the
 * one way the modules' JDBC adapters query and write. Values bind by position: null as SQL NULL, {@code Integer},
 * {@code Long} and {@code Boolean} as themselves, {@link Instant} as the UTC text of {@link SqlInstants},
 * {@link LocalDate} as a DATE, {@code byte[]} as bytes, anything else as its text. It adds no tenant filter: every
 * statement filters by tenant itself. A statement the database refuses surfaces as an
 * {@link IllegalStateException} whose cause is the {@link SQLException} (with its SQLState).
 */
public final class TransactionalSql {

    /** Maps the current row of a result. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** Reads the current row of a result, for a caller that folds rows itself. */
    @FunctionalInterface
    public interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private final TransactionOperations<Connection> transactions;
    private final String subject;

    /**
     * @param subject what the statements read and write, plural ("declarations"), for the errors' messages
     */
    public TransactionalSql(TransactionOperations<Connection> transactions, String subject) {
        this.transactions = transactions;
        this.subject = subject;
    }

    /** Every row the query returns, mapped, in the query's order. */
    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... values) {
        return query(sql, mapper, Arrays.asList(values));
    }

    /** As {@link #query(String, RowMapper, Object...)}, with the values in a list. */
    public <T> List<T> query(String sql, RowMapper<T> mapper, List<?> values) {
        List<T> found = new ArrayList<>();
        each(sql, values, row -> found.add(mapper.map(row)));
        return found;
    }

    /** Hands each row of the query to the reader, in order. */
    public void each(String sql, List<?> values, RowReader reader) {
        try (PreparedStatement statement = prepare(sql, values); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                reader.read(rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read " + subject, e);
        }
    }

    /** The first row the query returns, mapped; the rest are not read. */
    public <T> Optional<T> first(String sql, RowMapper<T> mapper, Object... values) {
        try (PreparedStatement statement = prepare(sql, Arrays.asList(values));
             ResultSet rows = statement.executeQuery()) {
            return rows.next() ? Optional.of(mapper.map(rows)) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("could not read " + subject, e);
        }
    }

    /** Whether the query returns any row. */
    public boolean exists(String sql, Object... values) {
        return first(sql, row -> Boolean.TRUE, values).isPresent();
    }

    /** Runs an INSERT, UPDATE or DELETE; the number of rows it changed. */
    public int execute(String sql, Object... values) {
        return execute(sql, Arrays.asList(values));
    }

    /** As {@link #execute(String, Object...)}, with the values in a list. */
    public int execute(String sql, List<?> values) {
        try (PreparedStatement statement = prepare(sql, values)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write " + subject, e);
        }
    }

    /** The same statement for each row of values, sent as one JDBC batch; nothing is sent for no rows. */
    public void batch(String sql, Collection<? extends List<?>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = prepare(sql, List.of())) {
            for (List<?> row : rows) {
                bind(statement, row);
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write " + subject, e);
        }
    }

    /**
     * Runs an INSERT that a unique key may refuse: false when it did (SQLState class 23, the row is there already),
     * so the key decides a race between two writers and the loser writes nothing.
     */
    public boolean insertUnlessPresent(String sql, Object... values) {
        try (PreparedStatement statement = prepare(sql, Arrays.asList(values))) {
            return statement.executeUpdate() == 1;
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                return false;
            }
            throw new IllegalStateException("could not write " + subject, e);
        }
    }

    private PreparedStatement prepare(String sql, List<?> values) throws SQLException {
        if (transactions.findTransactionStatus().isEmpty()) {
            throw new IllegalStateException(subject + " are read and written inside a transaction");
        }
        PreparedStatement statement = transactions.getConnection().prepareStatement(sql);
        try {
            bind(statement, values);
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    private static void bind(PreparedStatement statement, List<?> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            bind(statement, i + 1, values.get(i));
        }
    }

    private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else if (value instanceof Integer number) {
            statement.setInt(index, number);
        } else if (value instanceof Long number) {
            statement.setLong(index, number);
        } else if (value instanceof Boolean flag) {
            statement.setBoolean(index, flag);
        } else if (value instanceof Instant instant) {
            statement.setString(index, SqlInstants.text(instant));
        } else if (value instanceof LocalDate day) {
            statement.setObject(index, day);
        } else if (value instanceof byte[] bytes) {
            statement.setBytes(index, bytes);
        } else {
            statement.setString(index, value.toString());
        }
    }
}
