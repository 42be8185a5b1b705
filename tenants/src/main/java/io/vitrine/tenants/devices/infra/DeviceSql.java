package io.vitrine.tenants.devices.infra;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-written SQL over {@code devices} (the fleet status and the offline watch), in the caller's transaction or a
 * new one. Values bind by position: {@code String} as text (instants go in as {@code SqlInstants.text}), numbers as
 * longs, null as SQL NULL. It adds no tenant filter: a statement about one tenant names it itself.
 */
@Singleton
class DeviceSql {

    /** Maps the current row of a result. */
    @FunctionalInterface
    interface Row<T> {
        T map(ResultSet row) throws SQLException;
    }

    private final TransactionOperations<Connection> transactions;

    DeviceSql(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    <T> List<T> query(String sql, List<?> parameters, Row<T> mapper) {
        return transactions.executeRead(status -> {
            try (PreparedStatement select = prepare(status.getConnection(), sql, parameters);
                 ResultSet row = select.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (row.next()) {
                    rows.add(mapper.map(row));
                }
                return rows;
            } catch (SQLException e) {
                throw new IllegalStateException("devices query failed", e);
            }
        });
    }

    long single(String sql, List<?> parameters) {
        return query(sql, parameters, row -> row.getLong(1)).get(0);
    }

    /** Rows changed. */
    int update(String sql, List<?> parameters) {
        return transactions.executeWrite(status -> {
            try (PreparedStatement update = prepare(status.getConnection(), sql, parameters)) {
                return update.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("devices update failed", e);
            }
        });
    }

    private static PreparedStatement prepare(Connection connection, String sql, List<?> parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.size(); i++) {
            Object parameter = parameters.get(i);
            if (parameter == null) {
                statement.setNull(i + 1, java.sql.Types.VARCHAR);
            } else if (parameter instanceof Number number) {
                statement.setLong(i + 1, number.longValue());
            } else {
                statement.setString(i + 1, parameter.toString());
            }
        }
        return statement;
    }
}
