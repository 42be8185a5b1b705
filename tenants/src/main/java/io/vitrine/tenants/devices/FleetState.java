package io.vitrine.tenants.devices;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a device stands in the fleet status: every device is in exactly one state. ONLINE is ACTIVE
 * and seen within {@link OnlineWindow}; OFFLINE is ACTIVE and not seen since (or
 * never); a kiosk not yet paired and a revoked device are neither.
 */
public enum FleetState {
    ONLINE, OFFLINE, PENDING_PAIRING, REVOKED;

    /** The {@code ?status=} word: online, offline, pending, revoked. */
    public String filterWord() {
        return this == PENDING_PAIRING ? "pending" : name().toLowerCase(Locale.ROOT);
    }

    public static Optional<FleetState> ofFilterWord(String word) {
        for (FleetState state : values()) {
            if (state.filterWord().equals(word)) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }
}
