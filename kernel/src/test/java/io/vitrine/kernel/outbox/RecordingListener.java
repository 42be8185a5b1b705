package io.vitrine.kernel.outbox;

import io.micronaut.transaction.TransactionOperations;
import io.vitrine.kernel.tenancy.TenantContext;
import io.vitrine.kernel.tenancy.TenantId;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A test listener whose effect is a row in {@code test_outbox_effects}, written in the delivery
 * transaction, so tests count effects that really committed.
 */
abstract class RecordingListener implements OutboxListener {

    static final String EFFECTS_TABLE = "CREATE TABLE IF NOT EXISTS test_outbox_effects ("
            + "listener VARCHAR(100) NOT NULL, event_id CHAR(36) NOT NULL, business_key VARCHAR(128) NOT NULL, "
            + "tenant_id VARCHAR(36) NULL, seen_tenant VARCHAR(36) NULL, note VARCHAR(200) NULL)";

    private final DeliveryLog log;
    private final TransactionOperations<Connection> transactions;

    RecordingListener(DeliveryLog log, TransactionOperations<Connection> transactions) {
        this.log = log;
        this.transactions = transactions;
    }

    static void createEffectsTable(TransactionOperations<Connection> transactions) {
        transactions.executeWrite(status -> {
            try (Statement ddl = status.getConnection().createStatement()) {
                ddl.execute(EFFECTS_TABLE);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return null;
        });
    }

    @Override
    public void on(DeliveredEvent event) {
        log.enter(name(), event.id());
        try {
            TestEvent payload = event.payloadAs(TestEvent.class);
            try (PreparedStatement insert = transactions.getConnection().prepareStatement(
                    "INSERT INTO test_outbox_effects (listener, event_id, business_key, tenant_id, seen_tenant, note) "
                            + "VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, name());
                insert.setString(2, event.id());
                insert.setString(3, event.businessKey());
                insert.setString(4, event.tenant().map(TenantId::value).orElse(null));
                insert.setString(5, TenantContext.current().map(TenantId::value).orElse(null));
                insert.setString(6, payload.note());
                insert.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            afterEffect(event);
        } finally {
            log.exit(name(), event.id());
        }
    }

    /** What the listener does once its effect is written (still inside the transaction). */
    void afterEffect(DeliveredEvent event) {
    }
}
