package io.vitrine.kernel.cache;

import java.time.Duration;
import java.util.Objects;

/**
 * The outcome of one attempt. When denied, {@code retryAfter} (always positive) is how long until
 * the oldest counted attempt leaves the window, which is what an HTTP 429's Retry-After says.
 */
public record RateDecision(boolean allowed, int remaining, Duration retryAfter) {

    public RateDecision {
        Objects.requireNonNull(retryAfter, "retry after");
    }

    public static RateDecision allow(int remaining) {
        return new RateDecision(true, remaining, Duration.ZERO);
    }

    public static RateDecision deny(Duration retryAfter) {
        return new RateDecision(false, 0, retryAfter.isNegative() || retryAfter.isZero() ? Duration.ofMillis(1) : retryAfter);
    }

    /** Whole seconds for a Retry-After header, rounded up so a client never retries too early. */
    public long retryAfterSeconds() {
        long millis = retryAfter.toMillis();
        return (millis + 999) / 1000;
    }
}
