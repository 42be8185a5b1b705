package io.vitrine.pos.infra;

import io.micronaut.transaction.TransactionOperations;
import io.vitrine.kernel.time.infra.SqlInstants;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Hand-written SQL of the POS adapters (H2 in MySQL mode and MariaDB), on the connection of the caller's
 * transaction. Values bind by position: null as SQL NULL, {@code Long}/{@code Integer} as numbers, instants as the
 * UTC text of {@link SqlInstants}, anything else as text. Writes of many rows go as one JDBC batch. It adds no
 * tenant filter: every statement filters by tenant itself. A refused write surfaces as {@link SqlRefusedException}
 * keeping the SQLState, so a use case can tell a lost race (23…, 40…) from a fault.
 */
@Singleton
public class PosSql {

    /** Maps the current row of a result. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private final TransactionOperations<Connection> transactions;

    public PosSql(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /** Every row the query returns, mapped, in the query's order. */
    public <T> List<T> query(String sql, RowMapper<T> mapper, List<?> values) {
        try (PreparedStatement statement = prepare(sql); ResultSet rows = bind(statement, values).executeQuery()) {
            List<T> found = new ArrayList<>();
            while (rows.next()) {
                found.add(mapper.map(rows));
            }
            return found;
        } catch (SQLException e) {
            throw new SqlRefusedException(sql, e);
        }
    }

    /** One statement, the rows it changed. */
    public int execute(String sql, List<?> values) {
        try (PreparedStatement statement = prepare(sql)) {
            return bind(statement, values).executeUpdate();
        } catch (SQLException e) {
            throw new SqlRefusedException(sql, e);
        }
    }

    /** The same statement for each row of values, sent as one batch. */
    public void batch(String sql, Collection<? extends List<?>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = prepare(sql)) {
            for (List<?> row : rows) {
                bind(statement, row).addBatch();
            }
            statement.executeBatch();
        } catch (SQLException e) {
            throw new SqlRefusedException(sql, e);
        }
    }

    /** {@code ?, ?, ?} for an IN list of this many values. */
    public static String marks(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    private PreparedStatement prepare(String sql) throws SQLException {
        if (transactions.findTransactionStatus().isEmpty()) {
            throw new IllegalStateException("POS tables are read and written inside a transaction");
        }
        return transactions.getConnection().prepareStatement(sql);
    }

    private static PreparedStatement bind(PreparedStatement statement, List<?> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            if (value == null) {
                statement.setNull(i + 1, Types.VARCHAR);
            } else if (value instanceof Long number) {
                statement.setLong(i + 1, number);
            } else if (value instanceof Integer number) {
                statement.setInt(i + 1, number);
            } else if (value instanceof Instant instant) {
                statement.setString(i + 1, SqlInstants.text(instant));
            } else {
                statement.setString(i + 1, value.toString());
            }
        }
        return statement;
    }
}
