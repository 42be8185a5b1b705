package io.vitrine.kernel.cache;

/**
 * Sliding-window rate limiting: at most {@link RateLimit#permits()} acquisitions per key within
 * any window of {@link RateLimit#window()}. A denied attempt does not count.
 */
public interface RateLimiter {

    RateDecision tryAcquire(ScopedKey key, RateLimit limit);
}
