package io.vitrine.pos.events;

import io.vitrine.kernel.tenancy.TenantContext;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Takes in a device's batch of events (api.md "POS and kiosk devices"): each event is answered on its own, and the
 * accepted ones are applied — to the events ledger, store stock and fleet status — in one transaction.
 * <p>
 * Exactly once: the ledger's primary key (tenant, device, event id) is the idempotency key. The batch reads which
 * ids are recorded already, then inserts the rest; if another instance inserted one of them in between, the
 * database refuses the insert, the transaction rolls back and the batch is worked out again from the top
 * ({@link BatchTransaction}), now seeing that instance's rows as recorded: DUPLICATE.
 */
@Singleton
public class EventIngest {

    private final EventBatchReader reader;
    private final EventApplication application;
    private final BatchTransaction transaction;
    private final Clock clock;

    EventIngest(EventBatchReader reader, EventApplication application, BatchTransaction transaction, Clock clock) {
        this.reader = reader;
        this.application = application;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * One result per event, in the batch's order. A body that is not JSON with an {@code events} array is
     * {@code InvalidInputException} (400); over 500 events or the size limit, {@link BatchTooLargeException} (413).
     */
    public List<EventResult> ingest(IngestingDevice device, byte[] body) {
        Instant receivedAt = clock.instant();
        List<ReadEvent> read = reader.read(body, device, receivedAt);
        return TenantContext.callAs(device.tenant(),
                () -> transaction.readCommitted(() -> application.apply(device, read, receivedAt)));
    }
}
