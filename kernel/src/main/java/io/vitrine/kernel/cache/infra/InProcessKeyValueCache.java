package io.vitrine.kernel.cache.infra;

import com.github.benmanes.caffeine.cache.Ticker;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.vitrine.kernel.cache.KeyValueCache;
import io.vitrine.kernel.cache.ScopedKey;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/** The embedded default: a bounded Caffeine cache in this JVM. */
@Singleton
@Requires(property = "vitrine.cache.backend", value = "in-process", defaultValue = "in-process")
public class InProcessKeyValueCache implements KeyValueCache {

    private final ExpiringEntries<ScopedKey, byte[]> entries;

    @Inject
    public InProcessKeyValueCache(@Value("${vitrine.cache.in-process.maximum-entries:100000}") long maximumEntries) {
        this.entries = new ExpiringEntries<>(Ticker.systemTicker(), maximumEntries);
    }

    @Override
    public Optional<byte[]> get(ScopedKey key) {
        // copies both ways: a caller mutating its array must not change what others read
        return entries.get(key).map(byte[]::clone);
    }

    @Override
    public void put(ScopedKey key, byte[] value, Duration ttl) {
        entries.put(key, value.clone(), entries.deadlineAfterMillis(Ttl.millis(ttl, "a cache TTL")));
    }

    @Override
    public boolean putIfAbsent(ScopedKey key, byte[] value, Duration ttl) {
        long deadline = entries.deadlineAfterMillis(Ttl.millis(ttl, "a cache TTL"));
        byte[] copy = value.clone();
        boolean[] stored = {false};
        entries.compute(key, (k, current) -> {
            if (current != null) {
                return current;
            }
            stored[0] = true;
            return new ExpiringEntries.Entry<>(copy, deadline);
        });
        return stored[0];
    }

    @Override
    public boolean replace(ScopedKey key, byte[] expected, byte[] value, Duration ttl) {
        long deadline = entries.deadlineAfterMillis(Ttl.millis(ttl, "a cache TTL"));
        byte[] copy = value.clone();
        boolean[] replaced = {false};
        entries.compute(key, (k, current) -> {
            if (current == null || !Arrays.equals(current.value(), expected)) {
                return current;
            }
            replaced[0] = true;
            return new ExpiringEntries.Entry<>(copy, deadline);
        });
        return replaced[0];
    }

    @Override
    public boolean evict(ScopedKey key) {
        return entries.remove(key);
    }
}
