package io.vitrine.kernel.cache.infra;

import com.github.benmanes.caffeine.cache.Ticker;
import io.micronaut.context.annotation.Requires;
import io.vitrine.kernel.cache.Counters;
import io.vitrine.kernel.cache.ScopedKey;
import jakarta.inject.Singleton;

import java.time.Duration;

/** Counters in this JVM; increments of one key are serialised by the map's per-key compute. */
@Singleton
@Requires(property = "vitrine.cache.backend", value = "in-process", defaultValue = "in-process")
public class InProcessCounters implements Counters {

    /** Never size-bounded: an evicted counter would silently restart from 0. */
    private final ExpiringEntries<ScopedKey, Long> counters = new ExpiringEntries<>(Ticker.systemTicker(), 0);

    @Override
    public long increment(ScopedKey key, long delta) {
        return add(key, delta, ExpiringEntries.NEVER);
    }

    @Override
    public long increment(ScopedKey key, long delta, Duration ttl) {
        return add(key, delta, counters.deadlineAfterMillis(Ttl.millis(ttl, "a counter TTL")));
    }

    @Override
    public long get(ScopedKey key) {
        return counters.get(key).orElse(0L);
    }

    private long add(ScopedKey key, long delta, long deadlineIfNew) {
        long[] value = {0};
        counters.compute(key, (k, current) -> {
            value[0] = current == null ? delta : Math.addExact(current.value(), delta);
            return new ExpiringEntries.Entry<>(value[0], current == null ? deadlineIfNew : current.deadline());
        });
        return value[0];
    }
}
