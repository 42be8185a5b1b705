package io.vitrine.pos.events;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The events accepted so far, one row per (tenant, device, event id): the idempotency key, held by a unique key in
 * the database so that it decides between app instances, not memory. Implemented in {@code infra}.
 */
public interface EventLedger {

    /** The payload hash of each of these event ids this device already sent and had accepted. */
    Map<String, String> recorded(IngestingDevice device, Collection<String> eventIds);

    /**
     * Records these events as accepted now, in one batch. If another writer recorded one of them first the database
     * refuses the batch ({@code PosSql}'s lost race) and the caller's transaction must start again.
     */
    void record(IngestingDevice device, List<PosEvent> events, Instant receivedAt);

    /**
     * Deletes up to {@code limit} recorded events of this type that occurred before {@code occurredBefore}, across
     * tenants (the retention job is the platform's), in a transaction of its own; how many.
     */
    int forget(EventType type, Instant occurredBefore, int limit);
}
