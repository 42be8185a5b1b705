package io.vitrine.kernel.cache;

import java.time.Duration;

/** Atomic counters shared by all instances; a counter that does not exist reads 0. */
public interface Counters {

    /** Adds {@code delta} (may be negative) and returns the new value. The counter never expires. */
    long increment(ScopedKey key, long delta);

    /**
     * Adds {@code delta} and returns the new value; a counter created by this call expires after
     * {@code ttl} (a fixed window from its first increment: later increments do not extend it).
     */
    long increment(ScopedKey key, long delta, Duration ttl);

    long get(ScopedKey key);
}
