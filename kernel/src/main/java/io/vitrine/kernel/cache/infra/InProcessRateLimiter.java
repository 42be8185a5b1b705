package io.vitrine.kernel.cache.infra;

import com.github.benmanes.caffeine.cache.Ticker;
import io.micronaut.context.annotation.Requires;
import io.vitrine.kernel.cache.RateDecision;
import io.vitrine.kernel.cache.RateLimit;
import io.vitrine.kernel.cache.RateLimiter;
import io.vitrine.kernel.cache.ScopedKey;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.ArrayDeque;

/**
 * A sliding log per key: the ticker times of the attempts allowed within the window. The log of a
 * key disappears one window after its last allowed attempt.
 */
@Singleton
@Requires(property = "vitrine.cache.backend", value = "in-process", defaultValue = "in-process")
public class InProcessRateLimiter implements RateLimiter {

    private final ExpiringEntries<ScopedKey, ArrayDeque<Long>> logs = new ExpiringEntries<>(Ticker.systemTicker(), 0);

    @Override
    public RateDecision tryAcquire(ScopedKey key, RateLimit limit) {
        long windowNanos = limit.window().toNanos();
        RateDecision[] decision = {null};
        // compute runs atomically per key, so the deque is never touched by two threads at once
        logs.compute(key, (k, current) -> {
            long now = logs.now();
            ArrayDeque<Long> allowed = current == null ? new ArrayDeque<>() : current.value();
            while (!allowed.isEmpty() && now - allowed.peekFirst() >= windowNanos) {
                allowed.pollFirst();
            }
            if (allowed.size() < limit.permits()) {
                allowed.addLast(now);
                decision[0] = RateDecision.allow(limit.permits() - allowed.size());
                return new ExpiringEntries.Entry<>(allowed, logs.deadlineAfterMillis(limit.window().toMillis()));
            }
            decision[0] = RateDecision.deny(Duration.ofNanos(allowed.peekFirst() + windowNanos - now));
            return current;
        });
        return decision[0];
    }
}
