package io.vitrine.kernel.cache;

import java.util.concurrent.CompletableFuture;

/**
 * Sliding-window rate limiting: at most {@link RateLimit#permits()} acquisitions per key within
 * any window of {@link RateLimit#window()}. A denied attempt does not count.
 */
public interface RateLimiter {

    RateDecision tryAcquire(ScopedKey key, RateLimit limit);

    /**
     * The same decision, counted the same way, without waiting for it: the caller does its work meanwhile and joins
     * the answer when it needs it (a shared limiter's round trip then overlaps that work). Completes exceptionally
     * with {@link CacheUnavailableException} when the limiter cannot answer, within its command timeout. By
     * default decided at once, on the caller's thread.
     */
    default CompletableFuture<RateDecision> tryAcquireAsync(ScopedKey key, RateLimit limit) {
        try {
            return CompletableFuture.completedFuture(tryAcquire(key, limit));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
