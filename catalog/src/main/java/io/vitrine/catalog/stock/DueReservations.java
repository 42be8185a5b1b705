package io.vitrine.catalog.stock;

import java.time.Instant;
import java.util.List;

/**
 * ACTIVE reservations past their time, in every tenant (the expiry round is platform-wide; each one is then
 * expired inside its own tenant). Implemented in {@code infra}.
 */
public interface DueReservations {

    /** At most {@code limit}, those due longest first. */
    List<Due> dueAt(Instant now, int limit);

    /** A due reservation: whose, and which. */
    record Due(String tenantId, String reference) {
    }
}
