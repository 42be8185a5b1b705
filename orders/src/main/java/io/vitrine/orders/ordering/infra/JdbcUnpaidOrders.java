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
import java.util.Collections;
import java.util.List;

/**
 * {@link UnpaidOrders} on {@code orders} (V23): the spans as one OR of ranges, paged by (placed_at, order_no), on
 * the {@code ix_orders_unpaid_due} status prefix (few orders are pending at a time: they close after 15 minutes).
 * Platform-wide: the lost-notify round then works each order in its own tenant.
 */
@Singleton
class JdbcUnpaidOrders implements UnpaidOrders {

    private static final String SELECT = "SELECT tenant_id, order_no, placed_at FROM orders "
            + "WHERE status = 'PENDING_PAYMENT' AND (";
    private static final String SPAN = "(placed_at > ? AND placed_at <= ?)";
    private static final String NEXT = " AND (placed_at > ? OR (placed_at = ? AND order_no > ?))";
    private static final String ORDER = " ORDER BY placed_at, order_no LIMIT ?";

    private final TransactionOperations<Connection> transactions;

    JdbcUnpaidOrders(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @Override
    public List<Unpaid> placedWithin(List<PlacedSpan> spans, @Nullable Unpaid after, int limit) {
        if (spans.isEmpty()) {
            return List.of();
        }
        String sql = SELECT + String.join(" OR ", Collections.nCopies(spans.size(), SPAN)) + ")"
                + (after == null ? "" : NEXT) + ORDER;
        return transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement(sql)) {
                int i = 1;
                for (PlacedSpan span : spans) {
                    select.setString(i++, SqlInstants.text(span.after()));
                    select.setString(i++, SqlInstants.text(span.upTo()));
                }
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
