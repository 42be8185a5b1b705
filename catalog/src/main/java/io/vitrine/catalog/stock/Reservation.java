package io.vitrine.catalog.stock;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * Stock held for a checkout, found by the caller's {@code reference} (e.g. the order number).
 *
 * @param lines   one per (warehouse, SKU), in warehouse then SKU order
 * @param endedAt when it stopped being ACTIVE; null while it is
 */
public record Reservation(String reference, ReservationStatus status, List<ReservationLine> lines, Instant expiresAt,
                          Instant createdAt, @Nullable Instant endedAt) {

    public Reservation {
        lines = List.copyOf(lines);
    }
}
