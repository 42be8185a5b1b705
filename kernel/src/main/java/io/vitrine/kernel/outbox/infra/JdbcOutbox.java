package io.vitrine.kernel.outbox.infra;

import io.vitrine.kernel.id.Ids;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.TransactionStatus;
import io.micronaut.transaction.support.TransactionSynchronization;
import io.vitrine.kernel.outbox.Outbox;
import io.vitrine.kernel.outbox.OutboxEvent;
import io.vitrine.kernel.outbox.OutboxListeners;
import io.vitrine.kernel.tenancy.TenantId;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Writes events and their deliveries on the connection of the caller's transaction. */
@Singleton
class JdbcOutbox implements Outbox {

    private final TransactionOperations<Connection> transactions;
    private final OutboxRows rows;
    private final OutboxListeners listeners;
    private final JsonMapper json;
    private final Clock clock;
    private final Ids ids;
    private final Optional<OutboxWakeUp> wakeUp;

    JdbcOutbox(TransactionOperations<Connection> transactions, OutboxRows rows, OutboxListeners listeners,
               JsonMapper json, Clock clock, Ids ids, Optional<OutboxWakeUp> wakeUp) {
        this.transactions = transactions;
        this.rows = rows;
        this.listeners = listeners;
        this.json = json;
        this.clock = clock;
        this.ids = ids;
        this.wakeUp = wakeUp;
    }

    @Override
    public String publish(OutboxEvent event) {
        String type = required(event.eventType(), "event type", 100);
        String businessKey = required(event.businessKey(), "business key", 128);
        Optional<? extends TransactionStatus<?>> transaction = transactions.findTransactionStatus();
        if (transaction.isEmpty()) {
            // outside a transaction the event could commit while the change it reports does not
            throw new IllegalStateException("Outbox.publish(" + type + ") must run inside the transaction "
                    + "that makes the change (@Transactional or TransactionOperations)");
        }
        TenantId tenant = event.tenant();
        Instant now = clock.instant();
        OutboxRows.EventRow row = new OutboxRows.EventRow(ids.nextId(), type, tenant == null ? null : tenant.value(),
                businessKey, payload(event), now);
        try {
            Connection connection = transactions.getConnection();
            rows.insertEvent(connection, row);
            rows.insertDeliveries(connection, row.id(), listeners.subscribedTo(type), now);
        } catch (SQLException e) {
            throw new IllegalStateException("could not write outbox event " + type + " " + businessKey, e);
        }
        wakeUp.ifPresent(dispatch -> transaction.get().registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                dispatch.committed();
            }
        }));
        return row.id();
    }

    private String payload(OutboxEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (IOException e) {
            throw new UncheckedIOException("event " + event.getClass().getName() + " is not serializable (@Serdeable?)", e);
        }
    }

    private static String required(String value, String what, int maxLength) {
        if (value == null || value.isBlank() || value.length() > maxLength) {
            throw new IllegalArgumentException("an outbox event needs a " + what + " of 1-" + maxLength + " characters");
        }
        return value;
    }
}
