package io.vitrine.api.tenants;

import io.micronaut.core.type.Argument;
import io.micronaut.transaction.TransactionOperations;
import io.vitrine.api.testing.RunningVitrine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads rows straight from the application's database, to check what is really stored. */
public final class Rows {

    private Rows() {
    }

    @SuppressWarnings("unchecked")
    public static List<String> column(RunningVitrine vitrine, String sql, String... parameters) {
        TransactionOperations<Connection> transactions = vitrine.context().getBean(
                Argument.of(TransactionOperations.class, Connection.class));
        return transactions.executeRead(status -> {
            List<String> values = new ArrayList<>();
            try (PreparedStatement select = status.getConnection().prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    select.setString(i + 1, parameters[i]);
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        values.add(rows.getString(1));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return values;
        });
    }

    /** A fixture change straight in the database (e.g. a device last seen an hour ago); answers the rows changed. */
    @SuppressWarnings("unchecked")
    public static int update(RunningVitrine vitrine, String sql, String... parameters) {
        TransactionOperations<Connection> transactions = vitrine.context().getBean(
                Argument.of(TransactionOperations.class, Connection.class));
        return transactions.executeWrite(status -> {
            try (PreparedStatement update = status.getConnection().prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    update.setString(i + 1, parameters[i]);
                }
                return update.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
