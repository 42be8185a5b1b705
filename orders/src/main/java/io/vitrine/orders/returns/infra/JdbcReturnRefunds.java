package io.vitrine.orders.returns.infra;

import io.micronaut.transaction.TransactionOperations;
import io.vitrine.kernel.money.Money;
import io.vitrine.kernel.tenancy.CurrentTenant;
import io.vitrine.kernel.time.infra.SqlInstants;
import io.vitrine.orders.returns.RefundFailure;
import io.vitrine.orders.returns.ReturnRefund;
import io.vitrine.orders.returns.ReturnRefunds;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * {@link ReturnRefunds} over {@code return_refunds} (V38, the failure's columns V41): hand-written SQL, every statement
 * filtered by the tenant.
 */
@Singleton
class JdbcReturnRefunds implements ReturnRefunds {

    private static final String COLUMNS = "return_id, return_no, order_no, goods_fen, tax_fen, freight_fen, quota_fen, "
            + "received_at, received_by, refunded_at";
    private static final String FAILURE_COLUMNS = "failure_code, failure, failed_at";

    private final TransactionOperations<Connection> transactions;
    private final CurrentTenant currentTenant;

    JdbcReturnRefunds(TransactionOperations<Connection> transactions, CurrentTenant currentTenant) {
        this.transactions = transactions;
        this.currentTenant = currentTenant;
    }

    @Override
    public void insert(ReturnRefund r) {
        try (PreparedStatement insert = connection().prepareStatement("INSERT INTO return_refunds (" + COLUMNS
                + ", tenant_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, r.returnId());
            insert.setString(2, r.returnNo());
            insert.setString(3, r.orderNo());
            insert.setLong(4, r.goods().fen());
            insert.setLong(5, r.tax().fen());
            insert.setLong(6, r.freight().fen());
            insert.setLong(7, r.quotaReduction().fen());
            insert.setString(8, SqlInstants.text(r.receivedAt()));
            insert.setString(9, r.receivedBy());
            insert.setString(10, SqlInstants.text(r.refundedAt()));
            insert.setString(11, tenant());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record a return's refund", e);
        }
    }

    @Override
    public Optional<ReturnRefund> find(String returnNo) {
        try (PreparedStatement select = connection().prepareStatement("SELECT " + COLUMNS + ", " + FAILURE_COLUMNS
                + " FROM return_refunds WHERE return_no = ? AND tenant_id = ?")) {
            select.setString(1, returnNo);
            select.setString(2, tenant());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new ReturnRefund(row.getString(1), row.getString(2), row.getString(3),
                        Money.ofFen(row.getLong(4)), Money.ofFen(row.getLong(5)), Money.ofFen(row.getLong(6)),
                        Money.ofFen(row.getLong(7)), SqlInstants.read(row, 8), row.getString(9),
                        SqlInstants.read(row, 10), row.getString(11) == null ? null
                        : new RefundFailure(row.getString(11), row.getString(12), SqlInstants.read(row, 13))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read a return's refund", e);
        }
    }

    @Override
    public void refunded(String returnNo, Instant at) {
        update("refunded", "refunded_at = ?", returnNo, SqlInstants.text(at));
    }

    @Override
    public void failed(String returnNo, RefundFailure failure) {
        update("failed", "failure_code = ?, failure = ?, failed_at = ?", returnNo, failure.code(), failure.reason(),
                SqlInstants.text(failure.at()));
    }

    @Override
    public void requeued(String returnNo, String by) {
        update("re-queued", "failure_code = NULL, failure = NULL, failed_at = NULL, retried_by = ?", returnNo, by);
    }

    /** {@code UPDATE return_refunds SET <assignments>} of the tenant's return, the assignments' values in order. */
    private void update(String what, String assignments, String returnNo, String... values) {
        try (PreparedStatement update = connection().prepareStatement(
                "UPDATE return_refunds SET " + assignments + " WHERE return_no = ? AND tenant_id = ?")) {
            int i = 1;
            for (String value : values) {
                update.setString(i++, value);
            }
            update.setString(i++, returnNo);
            update.setString(i, tenant());
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not mark a return's refund " + what, e);
        }
    }

    private String tenant() {
        return currentTenant.require().value();
    }

    private Connection connection() {
        if (transactions.findTransactionStatus().isEmpty()) {
            throw new IllegalStateException("return refunds are read and written inside a transaction");
        }
        return transactions.getConnection();
    }
}
