package io.vitrine.oversight.stats.infra;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;

/**
 * Hand-written SQL (H2 in MySQL mode and MariaDB) of the statistics, on the connection of the caller's transaction.
 * Values bind by position: null as SQL NULL, numbers and booleans as themselves, {@link LocalDate} as a DATE,
 * {@code byte[]} as bytes, anything else as its text. No tenant filter is added: each statement carries its own.
 */
@Singleton
class StatsSql {

    @FunctionalInterface
    interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private final TransactionOperations<Connection> transactions;

    StatsSql(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /** Hands each row of the query to the reader, in order. */
    void each(String sql, List<?> values, RowReader reader) {
        try (PreparedStatement statement = prepare(sql, values); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                reader.read(rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the statistics", e);
        }
    }

    int execute(String sql, List<?> values) {
        try (PreparedStatement statement = prepare(sql, values)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write the statistics", e);
        }
    }

    private PreparedStatement prepare(String sql, List<?> values) throws SQLException {
        if (transactions.findTransactionStatus().isEmpty()) {
            throw new IllegalStateException("the statistics are read and written inside a transaction");
        }
        PreparedStatement statement = transactions.getConnection().prepareStatement(sql);
        try {
            for (int i = 0; i < values.size(); i++) {
                bind(statement, i + 1, values.get(i));
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
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
        } else if (value instanceof LocalDate day) {
            statement.setObject(index, day);
        } else if (value instanceof byte[] bytes) {
            statement.setBytes(index, bytes);
        } else {
            statement.setString(index, value.toString());
        }
    }
}
