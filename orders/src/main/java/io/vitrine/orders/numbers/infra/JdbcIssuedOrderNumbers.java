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
 * {@link IssuedOrderNumbers} over {@code order_numbers} (V18) and {@code return_numbers} (V36). A duplicate key only
 * undoes the statement (MySQL, MariaDB and H2 alike), so the caller's transaction goes on and draws again.
 */
@Singleton
class JdbcIssuedOrderNumbers implements IssuedOrderNumbers {

    private static final String INSERT = "INSERT INTO order_numbers (order_no, tenant_id, issued_at) VALUES (?, ?, ?)";
    private static final String INSERT_RETURN = "INSERT INTO return_numbers (return_no, tenant_id, issued_at) "
            + "VALUES (?, ?, ?)";

    private final TransactionOperations<Connection> transactions;

    JdbcIssuedOrderNumbers(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @Override
    public boolean claim(String orderNo, TenantId tenant, Instant at) {
        return claim(INSERT, orderNo, tenant, at);
    }

    @Override
    public boolean claimReturn(String returnNo, TenantId tenant, Instant at) {
        return claim(INSERT_RETURN, returnNo, tenant, at);
    }

    private boolean claim(String sql, String number, TenantId tenant, Instant at) {
        if (transactions.findTransactionStatus().isEmpty()) {
            throw new IllegalStateException("a number is claimed inside the transaction that creates its order or return");
        }
        try (PreparedStatement insert = transactions.getConnection().prepareStatement(sql)) {
            insert.setString(1, number);
            insert.setString(2, tenant.value());
            insert.setString(3, SqlInstants.text(at));
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                return false;
            }
            throw new IllegalStateException("could not claim a number", e);
        }
    }
}
