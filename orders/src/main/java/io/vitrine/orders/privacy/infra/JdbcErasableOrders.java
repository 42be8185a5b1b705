package io.vitrine.orders.privacy.infra;

import io.micronaut.transaction.TransactionOperations;
import io.vitrine.kernel.id.Ids;
import io.vitrine.kernel.persistence.infra.TransactionalSql;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.orders.privacy.ErasableOrders;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@link ErasableOrders} on {@code orders} (V23, V57), {@code order_returns} (V36) and {@code return_photos} (V44).
 * "Finished" is one SQL condition, written once: a status no payment, declaration or delivery still moves on, and no
 * return still open (one that can still go to customs, bring goods back or be refunded). The erasure re-checks it
 * in its own statement, so an order that changed after the round read it is left for a later round.
 */
@Singleton
class JdbcErasableOrders implements ErasableOrders {

    private static final String FINISHED = "o.personal_data_erased_at IS NULL AND o.updated_at < ? "
            + "AND o.status IN ('RELEASED', 'SHIPPED', 'DELIVERED', 'PARTIALLY_RETURNED', 'RETURNED', 'CANCELLED', "
            + "'CLOSED') AND NOT EXISTS (SELECT 1 FROM order_returns r WHERE r.order_id = o.id "
            + "AND r.status IN ('REQUESTED', 'APPROVED', 'DECLARED', 'ACCEPTED', 'GOODS_RECEIVED', 'REFUND_FAILED'))";
    private static final String DUE = "SELECT o.tenant_id, o.order_no FROM orders o WHERE " + FINISHED
            + " ORDER BY o.updated_at LIMIT ?";
    private static final String LOCK = "SELECT o.id, o.status FROM orders o WHERE o.tenant_id = ? AND o.order_no = ? AND "
            + FINISHED + " FOR UPDATE";
    private static final String ERASE = "UPDATE orders SET buyer_name = NULL, buyer_id_number = NULL, "
            + "buyer_phone = NULL, buyer_id_index = NULL, buyer_id_last6_index = NULL, buyer_phone_index = NULL, "
            + "consignee_name = NULL, consignee_phone = NULL, consignee_phone_index = NULL, consignee_address = NULL, "
            + "consignee_address_index = NULL, personal_data_erased_at = ?, version = version + 1 "
            + "WHERE id = ? AND tenant_id = ?";
    private static final String PHOTOS = "SELECT p.file_id FROM return_photos p JOIN order_returns r "
            + "ON r.return_no = p.return_no AND r.tenant_id = p.tenant_id WHERE r.order_id = ? AND r.tenant_id = ?";
    private static final String DROP_PHOTOS = "DELETE FROM return_photos WHERE tenant_id = ? AND return_no IN "
            + "(SELECT r.return_no FROM order_returns r WHERE r.order_id = ? AND r.tenant_id = ?)";
    private static final String NOTE = "INSERT INTO order_status_history (id, order_id, tenant_id, kind, from_status, "
            + "to_status, happened_at, actor, reason) VALUES (?,?,?,'NOTE',?,?,?,'system',?)";
    static final String REASON = "personal data erased: retention period over (vitrine.privacy.retention.personal-data)";

    private final TransactionOperations<Connection> transactions;
    private final TransactionalSql sql;
    private final Ids ids;

    JdbcErasableOrders(TransactionOperations<Connection> transactions, Ids ids) {
        this.transactions = transactions;
        this.sql = new TransactionalSql(transactions, "orders due for erasure");
        this.ids = ids;
    }

    @Override
    public List<Erasable> due(Instant cutoff, int limit) {
        return transactions.executeRead(status -> sql.query(DUE,
                row -> new Erasable(TenantId.of(row.getString(1)), row.getString(2)), cutoff, limit));
    }

    @Override
    public Optional<Erased> erase(Erasable order, Instant cutoff, Instant now) {
        return transactions.executeWrite(status -> {
            String tenant = order.tenant().value();
            Optional<LockedOrder> locked = sql.first(LOCK,
                    row -> new LockedOrder(row.getString(1), row.getString(2)), tenant, order.orderNo(), cutoff);
            if (locked.isEmpty()) {
                return Optional.empty();
            }
            String orderId = locked.get().id();
            String orderStatus = locked.get().status();
            sql.execute(ERASE, now, orderId, tenant);
            List<String> photos = sql.query(PHOTOS, row -> row.getString(1), orderId, tenant);
            sql.execute(DROP_PHOTOS, tenant, orderId, tenant);
            sql.execute(NOTE, ids.nextId(), orderId, tenant, orderStatus, orderStatus, now, REASON);
            return Optional.of(new Erased(order.tenant(), order.orderNo(), photos));
        });
    }

    /** The row the erasure locked: the order's id and the status its history note repeats. */
    private record LockedOrder(String id, String status) {
    }
}
