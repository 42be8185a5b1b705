package io.vitrine.pos.events;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * One well-formed event of a batch, before the catalog and the ledger have had their say.
 *
 * @param occurredAt  the device's clock, as sent (ISO-8601 with an offset)
 * @param payloadHash SHA-256 of the event's content (everything but its id): a replay has the same, a different
 *                    event sent under a used id does not
 */
public record PosEvent(String eventId, EventType type, Instant occurredAt, @Nullable String receiptNo,
                       @Nullable String appVersion, List<EventLine> lines, String payloadHash) {

    public PosEvent {
        lines = List.copyOf(lines);
    }
}
