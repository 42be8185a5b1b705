package io.vitrine.tenants.staff;

import io.micronaut.core.annotation.Nullable;

import java.util.Objects;

/**
 * What decides whether a staff token still stands: the account's status and token generation, or no
 * account at all ({@code status} null). Travels as a short string through the shared cache.
 */
public record StaffStanding(String staffId, @Nullable StaffStatus status, int tokenGeneration) {

    private static final String NONE = "NONE";

    public StaffStanding {
        Objects.requireNonNull(staffId, "staffId");
    }

    static StaffStanding of(StaffAccount account) {
        return new StaffStanding(account.id(), account.status(), account.tokenGeneration());
    }

    static StaffStanding none(String staffId) {
        return new StaffStanding(staffId, null, 0);
    }

    /** A token of this generation stands: the account exists, is active and has not moved on since. */
    public boolean accepts(int generation) {
        return status == StaffStatus.ACTIVE && tokenGeneration == generation;
    }

    String encode() {
        return status == null ? NONE : status.name() + ":" + tokenGeneration;
    }

    static StaffStanding decode(String staffId, String encoded) {
        if (NONE.equals(encoded)) {
            return none(staffId);
        }
        int colon = encoded.indexOf(':');
        return new StaffStanding(staffId, StaffStatus.valueOf(encoded.substring(0, colon)),
                Integer.parseInt(encoded.substring(colon + 1)));
    }
}
