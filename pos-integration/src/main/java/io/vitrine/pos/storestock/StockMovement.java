package io.vitrine.pos.storestock;

import java.time.Instant;

/**
 * One SKU line of an accepted event, as store stock sees it.
 *
 * @param quantity a SALE's units as a negative number, a RETURN's as a positive one, a COUNT's counted units
 * @param eventKey {@code deviceKey/eventId}: orders counts of the same instant the same way whatever arrived first
 */
public record StockMovement(String deviceKey, String eventId, int lineNo, String sku, MovementKind kind,
                            long quantity, Instant occurredAt) {

    public String eventKey() {
        return deviceKey + "/" + eventId;
    }

    /** Where a count stands among the store's counts of this SKU: by time, then by event key. */
    public CountMark mark() {
        return new CountMark(occurredAt, eventKey());
    }
}
