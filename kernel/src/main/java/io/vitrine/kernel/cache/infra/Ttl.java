package io.vitrine.kernel.cache.infra;

import java.time.Duration;

/** Reads TTLs, leases and windows as whole milliseconds, the unit Redis expires keys in. */
final class Ttl {

    private Ttl() {
    }

    static long millis(Duration duration, String what) {
        if (duration == null || duration.toMillis() < 1) {
            throw new IllegalArgumentException(what + " must be at least 1 ms");
        }
        return duration.toMillis();
    }
}
