package io.vitrine.orders.numbers.infra;

import io.micronaut.transaction.TransactionOperations;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.kernel.time.infra.SqlInstants;
import io.vitrine.orders.numbers.IssuedOrderNumbers;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/**
 * {@link IssuedOrderNumbers} over {@code order_numbers} (V18). A duplicate key only undoes the statement (MySQL,
 * MariaDB and H2 alike), so the caller's transaction goes on and draws again.
 */
@Singleton
class JdbcIssuedOrderNumbers implements IssuedOrderNumbers {

    private static final String INSERT = "INSERT INTO order_numbers (order_no, tenant_id, issued_at) VALUES (?, ?, ?)";

    private final TransactionOperations<Connection> transactions;

    JdbcIssuedOrderNumbers(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @Override
    public boolean claim(String orderNo, TenantId tenant, Instant at) {
        if (transactions.findTransactionStatus().isEmpty()) {
            throw new IllegalStateException("an order number is claimed inside the transaction that creates the order");
        }
        try (PreparedStatement insert = transactions.getConnection().prepareStatement(INSERT)) {
            insert.setString(1, orderNo);
            insert.setString(2, tenant.value());
            insert.setString(3, SqlInstants.text(at));
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                return false;
            }
            throw new IllegalStateException("could not claim an order number", e);
        }
    }
}
