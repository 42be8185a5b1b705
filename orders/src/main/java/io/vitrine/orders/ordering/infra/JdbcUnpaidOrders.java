package io.vitrine.orders.ordering.infra;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.kernel.time.infra.SqlInstants;
import io.vitrine.orders.ordering.UnpaidOrders;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link UnpaidOrders} on {@code orders} (V23), paged by (placed_at, order_no) on the {@code ix_orders_unpaid_due}
 * status prefix. Platform-wide: the lost-notify round then works each order in its own tenant.
 */
@Singleton
class JdbcUnpaidOrders implements UnpaidOrders {

    private static final String FIRST = "SELECT tenant_id, order_no, placed_at FROM orders "
            + "WHERE status = 'PENDING_PAYMENT' AND placed_at <= ? ORDER BY placed_at, order_no LIMIT ?";
    private static final String NEXT = "SELECT tenant_id, order_no, placed_at FROM orders "
            + "WHERE status = 'PENDING_PAYMENT' AND placed_at <= ? "
            + "AND (placed_at > ? OR (placed_at = ? AND order_no > ?)) ORDER BY placed_at, order_no LIMIT ?";

    private final TransactionOperations<Connection> transactions;

    JdbcUnpaidOrders(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @Override
    public List<Unpaid> placedBy(Instant placedBy, @Nullable Unpaid after, int limit) {
        return transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement(after == null ? FIRST : NEXT)) {
                int i = 1;
                select.setString(i++, SqlInstants.text(placedBy));
                if (after != null) {
                    select.setString(i++, SqlInstants.text(after.placedAt()));
                    select.setString(i++, SqlInstants.text(after.placedAt()));
                    select.setString(i++, after.orderNo());
                }
                select.setInt(i, limit);
                List<Unpaid> unpaid = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        unpaid.add(new Unpaid(TenantId.of(row.getString(1)), row.getString(2),
                                SqlInstants.read(row, 3)));
                    }
                }
                return unpaid;
            }
        });
    }
}
