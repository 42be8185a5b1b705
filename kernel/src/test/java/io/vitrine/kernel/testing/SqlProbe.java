package io.vitrine.kernel.testing;

import io.micronaut.transaction.TransactionOperations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what tests assert on straight from the tables, past every repository: the first column of
 * a query with string parameters. Test table helpers extend it.
 */
public class SqlProbe {

    protected final TransactionOperations<Connection> transactions;

    public SqlProbe(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    public int count(String sql, String... parameters) {
        return Integer.parseInt(strings(sql, parameters).get(0));
    }

    public List<String> strings(String sql, String... parameters) {
        return transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    select.setString(i + 1, parameters[i]);
                }
                List<String> values = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        values.add(rows.getString(1));
                    }
                }
                return values;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
