package io.vitrine.oversight.stats;

import io.vitrine.kernel.tenancy.TenantId;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What kiosk sampling records so that nothing counts twice (V46 {@code stats_kiosk_slots}, {@code stats_kiosk_days}).
 * Implemented in {@code infra}; joins the caller's transaction.
 */
public interface KioskSlots {

    /** Takes the sampling slot starting at {@code slotStart}; false when it was taken already (another instance). */
    boolean claim(Instant slotStart, Instant sampledAt, int kiosks);

    /** Whether this is the kiosk's first time seen online on this China day. */
    boolean firstSeen(LocalDate day, TenantId tenant, String storeCode, String deviceKey);
}
