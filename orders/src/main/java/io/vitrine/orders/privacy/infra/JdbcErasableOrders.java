package io.vitrine.orders.privacy.infra;

import io.micronaut.transaction.TransactionOperations;
import io.vitrine.kernel.id.Ids;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.kernel.time.infra.SqlInstants;
import io.vitrine.orders.privacy.ErasableOrders;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
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
    private final Ids ids;

    JdbcErasableOrders(TransactionOperations<Connection> transactions, Ids ids) {
        this.transactions = transactions;
        this.ids = ids;
    }

    @Override
    public List<Erasable> due(Instant cutoff, int limit) {
        return transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement(DUE)) {
                select.setString(1, SqlInstants.text(cutoff));
                select.setInt(2, limit);
                List<Erasable> due = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        due.add(new Erasable(TenantId.of(row.getString(1)), row.getString(2)));
                    }
                }
                return due;
            }
        });
    }

    @Override
    public Optional<Erased> erase(Erasable order, Instant cutoff, Instant now) {
        return transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            String tenant = order.tenant().value();
            String orderId;
            String orderStatus;
            try (PreparedStatement lock = connection.prepareStatement(LOCK)) {
                lock.setString(1, tenant);
                lock.setString(2, order.orderNo());
                lock.setString(3, SqlInstants.text(cutoff));
                try (ResultSet row = lock.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    orderId = row.getString(1);
                    orderStatus = row.getString(2);
                }
            }
            try (PreparedStatement erase = connection.prepareStatement(ERASE)) {
                erase.setString(1, SqlInstants.text(now));
                erase.setString(2, orderId);
                erase.setString(3, tenant);
                erase.executeUpdate();
            }
            List<String> photos = strings(connection, PHOTOS, orderId, tenant);
            try (PreparedStatement drop = connection.prepareStatement(DROP_PHOTOS)) {
                drop.setString(1, tenant);
                drop.setString(2, orderId);
                drop.setString(3, tenant);
                drop.executeUpdate();
            }
            try (PreparedStatement note = connection.prepareStatement(NOTE)) {
                note.setString(1, ids.nextId());
                note.setString(2, orderId);
                note.setString(3, tenant);
                note.setString(4, orderStatus);
                note.setString(5, orderStatus);
                note.setString(6, SqlInstants.text(now));
                note.setString(7, REASON);
                note.executeUpdate();
            }
            return Optional.of(new Erased(order.tenant(), order.orderNo(), photos));
        });
    }

    private static List<String> strings(Connection connection, String sql, String... values) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                select.setString(i + 1, values[i]);
            }
            List<String> found = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    found.add(row.getString(1));
                }
            }
            return found;
        }
    }
}
