package io.vitrine.kernel.cache.infra;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Scheduler;
import com.github.benmanes.caffeine.cache.Ticker;

import java.util.Optional;
import java.util.function.BiFunction;

/**
 * In-process entries that each carry their own deadline, on Caffeine. Time is Caffeine's
 * {@link Ticker} (monotonic nanoTime), not the wall clock: a TTL measures elapsed time, and must
 * not jump when the server's clock is corrected.
 */
final class ExpiringEntries<K, V> {

    /** A value and the ticker time at which it stops existing. */
    record Entry<V>(V value, long deadline) {

        /** Ticker time is arbitrary (it may be negative), so compare by difference, never by order. */
        long remainingAt(long now) {
            return deadline == NEVER ? Long.MAX_VALUE : deadline - now;
        }
    }

    /** The deadline of an entry that never expires. */
    static final long NEVER = Long.MAX_VALUE;

    private final Ticker ticker;
    private final Cache<K, Entry<V>> cache;

    /** @param maximumSize bound on entries, or 0 for none (locks and nonces must never be evicted early) */
    ExpiringEntries(Ticker ticker, long maximumSize) {
        this.ticker = ticker;
        Caffeine<Object, Object> builder = Caffeine.newBuilder()
                .ticker(ticker)
                // maintenance on the calling thread: handing it to the common pool cost device
                // authentication ~20% of its time in thread wake-ups (benchmarks/results/device-auth.md)
                .executor(Runnable::run)
                // removes expired entries in the background, not only when the map is touched
                .scheduler(Scheduler.systemScheduler());
        if (maximumSize > 0) {
            builder.maximumSize(maximumSize);
        }
        this.cache = builder.expireAfter(new DeadlineExpiry<K, V>()).build();
    }

    long now() {
        return ticker.read();
    }

    long deadlineAfterMillis(long millis) {
        try {
            long deadline = Math.addExact(now(), Math.multiplyExact(millis, 1_000_000L));
            return deadline == NEVER ? NEVER - 1 : deadline;
        } catch (ArithmeticException beyondAnyRealTtl) {
            return NEVER;
        }
    }

    Optional<V> get(K key) {
        Entry<V> entry = cache.getIfPresent(key);
        return live(entry) ? Optional.of(entry.value()) : Optional.empty();
    }

    void put(K key, V value, long deadline) {
        cache.put(key, new Entry<>(value, deadline));
    }

    /**
     * Atomically replaces the entry of {@code key}: the function sees null for a missing or
     * expired entry and returns the new entry, or null to remove it.
     */
    void compute(K key, BiFunction<K, Entry<V>, Entry<V>> function) {
        cache.asMap().compute(key, (k, current) -> function.apply(k, live(current) ? current : null));
    }

    boolean remove(K key) {
        Entry<V> removed = cache.asMap().remove(key);
        return live(removed);
    }

    private boolean live(Entry<V> entry) {
        return entry != null && entry.remainingAt(now()) > 0;
    }

    private static final class DeadlineExpiry<K, V> implements Expiry<K, Entry<V>> {

        @Override
        public long expireAfterCreate(K key, Entry<V> entry, long currentTime) {
            return Math.max(0, entry.remainingAt(currentTime));
        }

        @Override
        public long expireAfterUpdate(K key, Entry<V> entry, long currentTime, long currentDuration) {
            return Math.max(0, entry.remainingAt(currentTime));
        }

        @Override
        public long expireAfterRead(K key, Entry<V> entry, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
