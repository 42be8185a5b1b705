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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        return publishAll(List.of(event)).get(0);
    }

    /** The events grouped by type (deliveries follow the type's listeners), each group in two batched inserts. */
    @Override
    public List<String> publishAll(List<? extends OutboxEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        Optional<? extends TransactionStatus<?>> transaction = transactions.findTransactionStatus();
        if (transaction.isEmpty()) {
            // outside a transaction the event could commit while the change it reports does not
            throw new IllegalStateException("Outbox.publish(" + events.get(0).eventType() + ") must run inside the "
                    + "transaction that makes the change (@Transactional or TransactionOperations)");
        }
        Instant now = clock.instant();
        List<String> eventIds = new ArrayList<>(events.size());
        Map<String, List<OutboxRows.EventRow>> byType = new LinkedHashMap<>();
        for (int i = 0; i < events.size(); i++) {
            OutboxEvent event = events.get(i);
            String type = required(event.eventType(), "event type", 100);
            String businessKey = required(event.businessKey(), "business key", 128);
            TenantId tenant = event.tenant();
            // a microsecond apart (what DATETIME(6) keeps), the last one now: deliveries are claimed by due time, so
            // events published together are delivered in their order (a bulk import's first product indexed first)
            int before = events.size() - 1 - i;
            OutboxRows.EventRow row = new OutboxRows.EventRow(ids.nextId(), type, tenant == null ? null : tenant.value(),
                    businessKey, payload(event), before == 0 ? now : now.truncatedTo(ChronoUnit.MICROS).minus(before, ChronoUnit.MICROS));
            eventIds.add(row.id());
            byType.computeIfAbsent(type, t -> new ArrayList<>()).add(row);
        }
        try {
            Connection connection = transactions.getConnection();
            for (Map.Entry<String, List<OutboxRows.EventRow>> typed : byType.entrySet()) {
                if (typed.getValue().size() == 1) {
                    OutboxRows.EventRow row = typed.getValue().get(0);
                    rows.insertEvent(connection, row);
                    rows.insertDeliveries(connection, row.id(), listeners.subscribedTo(typed.getKey()), row.occurredAt());
                } else {
                    rows.insertEvents(connection, typed.getValue(), listeners.subscribedTo(typed.getKey()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not write outbox events " + byType.keySet(), e);
        }
        wakeUp.ifPresent(dispatch -> transaction.get().registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                dispatch.committed();
            }
        }));
        return eventIds;
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
