package io.vitrine.oversight.stats;

import io.micronaut.core.annotation.Nullable;

/**
 * What one event adds to its order's aggregate rows (all zero but what the event is about).
 *
 * @param clearanceSeconds the released declaration's clearance time, null for any other event
 */
public record StatsDelta(long orders, long gmvFen, long taxFen, long declarationsDecided, long declarationsPassed,
                         long released, @Nullable Long clearanceSeconds, long returns, long returnedFen) {

    public static StatsDelta paid(long gmvFen, long taxFen) {
        return new StatsDelta(1, gmvFen, taxFen, 0, 0, 0, null, 0, 0);
    }

    public static StatsDelta decided(boolean passed) {
        return new StatsDelta(0, 0, 0, 1, passed ? 1 : 0, 0, null, 0, 0);
    }

    public static StatsDelta released(long clearanceSeconds) {
        return new StatsDelta(0, 0, 0, 0, 0, 1, clearanceSeconds, 0, 0);
    }

    public static StatsDelta returned(long returnedFen) {
        return new StatsDelta(0, 0, 0, 0, 0, 0, null, 1, returnedFen);
    }

    /** Both deltas at once (a release that is also the declaration's first decision). */
    public StatsDelta plus(StatsDelta other) {
        if (clearanceSeconds != null && other.clearanceSeconds != null) {
            throw new IllegalArgumentException("one clearance per delta");
        }
        return new StatsDelta(orders + other.orders, gmvFen + other.gmvFen, taxFen + other.taxFen,
                declarationsDecided + other.declarationsDecided, declarationsPassed + other.declarationsPassed,
                released + other.released, clearanceSeconds != null ? clearanceSeconds : other.clearanceSeconds,
                returns + other.returns, returnedFen + other.returnedFen);
    }
}
