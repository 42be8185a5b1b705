package io.vitrine.kernel.cache.infra;

import com.github.benmanes.caffeine.cache.Ticker;
import io.micronaut.context.annotation.Requires;
import io.vitrine.kernel.cache.DistributedLocks;
import io.vitrine.kernel.cache.LockLease;
import io.vitrine.kernel.cache.ScopedKey;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Locks between the threads of this one instance (the embedded default runs a single instance). */
@Singleton
@Requires(property = "vitrine.cache.backend", value = "in-process", defaultValue = "in-process")
public class InProcessDistributedLocks implements DistributedLocks {

    /** Maps a held key to its owner token. Never size-bounded: evicting a held lock would free it. */
    private final ExpiringEntries<ScopedKey, String> held = new ExpiringEntries<>(Ticker.systemTicker(), 0);
    /** One sequence for all keys still grows per key, which is all a fencing token promises. */
    private final AtomicLong fencingTokens = new AtomicLong();

    @Override
    public Optional<LockLease> tryAcquire(ScopedKey key, Duration lease) {
        long deadline = held.deadlineAfterMillis(Ttl.millis(lease, "a lock lease"));
        String owner = UUID.randomUUID().toString();
        LockLease[] acquired = {null};
        held.compute(key, (k, current) -> {
            if (current != null) {
                return current;
            }
            acquired[0] = new LockLease(k, owner, fencingTokens.incrementAndGet());
            return new ExpiringEntries.Entry<>(owner, deadline);
        });
        return Optional.ofNullable(acquired[0]);
    }

    @Override
    public boolean release(LockLease lease) {
        boolean[] released = {false};
        held.compute(lease.key(), (k, current) -> {
            if (current != null && current.value().equals(lease.ownerToken())) {
                released[0] = true;
                return null;
            }
            return current;
        });
        return released[0];
    }

    @Override
    public boolean extend(LockLease lease, Duration duration) {
        long deadline = held.deadlineAfterMillis(Ttl.millis(duration, "a lock lease"));
        boolean[] extended = {false};
        held.compute(lease.key(), (k, current) -> {
            if (current != null && current.value().equals(lease.ownerToken())) {
                extended[0] = true;
                return new ExpiringEntries.Entry<>(current.value(), deadline);
            }
            return current;
        });
        return extended[0];
    }
}
