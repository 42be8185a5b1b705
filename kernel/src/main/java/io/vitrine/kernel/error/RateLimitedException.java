package io.vitrine.kernel.error;

import java.time.Duration;
import java.util.Objects;

/**
 * Too many requests for a key within a window (HTTP 429 with {@code Retry-After}); usually from a
 * {@code io.vitrine.kernel.cache.RateLimiter} decision.
 */
public class RateLimitedException extends DomainException {

    private final Duration retryAfter;

    public RateLimitedException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds, rounded up and at least 1, as the {@code Retry-After} header wants. */
    public long retryAfterSeconds() {
        long seconds = retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
