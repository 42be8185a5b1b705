package io.vitrine.orders.payment.reconciliation.infra;

import io.micronaut.transaction.TransactionOperations;
import io.vitrine.kernel.money.Money;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.kernel.time.ChinaTime;
import io.vitrine.kernel.time.infra.SqlInstants;
import io.vitrine.orders.payment.reconciliation.ExpectedPayment;
import io.vitrine.orders.payment.reconciliation.ExpectedPayments;
import io.vitrine.orders.payment.reconciliation.PaymentEntry;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Our books on the orders tables (V23, V26), three read-only queries of one tenant's China day:
 * <ul>
 *   <li>payments: every order with {@code paid_at} that day (out_trade_no = order number, Alipay's trade number,
 *       {@code paid_fen}) — whatever its status now, since a later cancel or late-payment refund is a refund line of
 *       its own on the bill;</li>
 *   <li>refunds: every order with a {@code refund_request_no} whose {@code refunded_at} (V26, written by
 *       {@code Refunds} right after Alipay's answer) is of that day, {@code refunded_fen};</li>
 *   <li>not completed: orders never paid on our side that were touched that day (pending, closed or cancelled
 *       unpaid): if the bill has their payment it is a {@code STATUS_DIFFERS} — a lost notify, or a payment that
 *       crossed the close — not a payment unknown to us.</li>
 * </ul>
 */
@Singleton
class JdbcExpectedPayments implements ExpectedPayments {

    private static final String PAYMENTS = "SELECT order_no, alipay_trade_no, paid_fen FROM orders "
            + "WHERE tenant_id = ? AND paid_at >= ? AND paid_at < ? AND paid_fen IS NOT NULL ORDER BY paid_at, order_no";
    private static final String REFUNDS = "SELECT order_no, alipay_trade_no, refund_request_no, refunded_fen "
            + "FROM orders WHERE tenant_id = ? AND refunded_at >= ? AND refunded_at < ? "
            + "AND refund_request_no IS NOT NULL AND refunded_fen IS NOT NULL ORDER BY order_no";
    private static final String UNPAID = "SELECT order_no, total_fen FROM orders WHERE tenant_id = ? "
            + "AND paid_at IS NULL AND updated_at >= ? AND placed_at < ? ORDER BY order_no";

    private final TransactionOperations<Connection> transactions;

    JdbcExpectedPayments(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @Override
    public List<ExpectedPayment> on(TenantId tenant, LocalDate day) {
        String from = SqlInstants.text(ChinaTime.startOfDay(day));
        String to = SqlInstants.text(ChinaTime.startOfDay(day.plusDays(1)));
        return transactions.executeRead(status -> {
            Connection connection = status.getConnection();
            List<ExpectedPayment> ours = new ArrayList<>();
            try (PreparedStatement select = day(connection, PAYMENTS, tenant, from, to);
                 ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    ours.add(ExpectedPayment.completed(PaymentEntry.payment(row.getString(1), row.getString(2),
                            Money.ofFen(row.getLong(3)))));
                }
            }
            try (PreparedStatement select = day(connection, REFUNDS, tenant, from, to);
                 ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    ours.add(ExpectedPayment.completed(PaymentEntry.refund(row.getString(1), row.getString(2),
                            row.getString(3), Money.ofFen(row.getLong(4)))));
                }
            }
            try (PreparedStatement select = day(connection, UNPAID, tenant, from, to);
                 ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    ours.add(ExpectedPayment.notCompleted(PaymentEntry.payment(row.getString(1), null,
                            Money.ofFen(row.getLong(2)))));
                }
            }
            return ours;
        });
    }

    private static PreparedStatement day(Connection connection, String sql, TenantId tenant, String from, String to)
            throws SQLException {
        PreparedStatement select = connection.prepareStatement(sql);
        select.setString(1, tenant.value());
        select.setString(2, from);
        select.setString(3, to);
        return select;
    }
}
