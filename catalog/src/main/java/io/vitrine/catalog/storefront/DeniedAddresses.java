package io.vitrine.catalog.storefront;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;

/**
 * Client addresses (hashed) the rate limiter denied, each until its retry-after has passed. Bounded: an entry
 * lives at most one window (no retry-after is longer), and at most {@link #MAX_ADDRESSES} are kept — one forgotten
 * early is only asked to the limiter again.
 */
final class DeniedAddresses {

    static final int MAX_ADDRESSES = 100_000;

    /** deadline per address, in {@link System#nanoTime()} */
    private final Cache<String, Long> deadlines;

    DeniedAddresses(Duration window) {
        this.deadlines = Caffeine.newBuilder().expireAfterWrite(window).maximumSize(MAX_ADDRESSES).build();
    }

    void until(String address, Duration retryAfter) {
        deadlines.put(address, System.nanoTime() + retryAfter.toNanos());
    }

    /** How long the address stays denied, or null when it is not (any more). */
    Duration left(String address) {
        Long deadline = deadlines.getIfPresent(address);
        if (deadline == null) {
            return null;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            deadlines.invalidate(address);
            return null;
        }
        return Duration.ofNanos(left);
    }
}
