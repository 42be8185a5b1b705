package io.vitrine.pos.events;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.DefaultTransactionDefinition;
import io.vitrine.kernel.tenancy.TenantContext;
import io.vitrine.pos.infra.SqlRefusedException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Takes in a device's batch of events (api.md "POS and kiosk devices"): each event is answered on its own, and the
 * accepted ones are applied — to the events ledger, store stock and fleet status — in one transaction.
 * <p>
 * Exactly once: the ledger's primary key (tenant, device, event id) is the idempotency key. The batch reads which
 * ids are recorded already, then inserts the rest; if another instance inserted one of them in between, the
 * database refuses the insert, the transaction rolls back and the batch is worked out again from the top, now
 * seeing that instance's rows as recorded. The transaction reads committed data, so after waiting for a lock it
 * sees what the lock holder wrote.
 */
@Singleton
public class EventIngest {

    private static final Logger LOG = LoggerFactory.getLogger(EventIngest.class);
    private static final int ATTEMPTS = 5;

    private final EventBatchReader reader;
    private final EventApplication application;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private final TransactionDefinition readCommitted;

    EventIngest(EventBatchReader reader, EventApplication application,
                TransactionOperations<Connection> transactions, Clock clock) {
        this.reader = reader;
        this.application = application;
        this.transactions = transactions;
        this.clock = clock;
        DefaultTransactionDefinition definition = new DefaultTransactionDefinition();
        definition.setIsolationLevel(TransactionDefinition.Isolation.READ_COMMITTED);
        definition.setName("pos-event-batch");
        this.readCommitted = definition;
    }

    /**
     * One result per event, in the batch's order. A body that is not JSON with an {@code events} array is
     * {@code InvalidInputException} (400); over 500 events or the size limit, {@link BatchTooLargeException} (413).
     */
    public List<EventResult> ingest(IngestingDevice device, byte[] body) {
        Instant receivedAt = clock.instant();
        List<ReadEvent> read = reader.read(body, device, receivedAt);
        return TenantContext.callAs(device.tenant(), () -> {
            for (int attempt = 1; ; attempt++) {
                try {
                    return transactions.execute(readCommitted, status -> application.apply(device, read, receivedAt));
                } catch (SqlRefusedException e) {
                    if (!e.lostRace() || attempt == ATTEMPTS) {
                        throw e;
                    }
                    LOG.debug("event batch of {} raced another writer, attempt {}", device.deviceKey(), attempt);
                }
            }
        });
    }
}
