package io.vitrine.kernel.idempotency.infra;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import io.vitrine.kernel.cache.CacheUnavailableException;
import io.vitrine.kernel.cache.DistributedLocks;
import io.vitrine.kernel.cache.LockLease;
import io.vitrine.kernel.cache.ScopedKey;
import io.vitrine.kernel.idempotency.IdempotencyKeys;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.Optional;

/**
 * Deletes expired idempotency keys every {@code vitrine.idempotency.purge-interval} (default 15m).
 * Every instance schedules it; the first to take the kernel's distributed lock for the round purges,
 * and keeps the lock (never releases it) for most of the interval, so the others skip their rounds —
 * what ShedLock's "lock at least for" does, which the project does not wire yet. When the lock store
 * is unreachable the round purges anyway: the DELETE is idempotent, two instances at once only do the
 * work twice.
 */
@Singleton
@Requires(beans = DataSource.class)
@Requires(property = "vitrine.idempotency.purge-enabled", value = "true", defaultValue = "true")
class IdempotencyKeyPurge {

    static final ScopedKey LOCK = ScopedKey.platform("idempotency-purge", "round");
    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyKeyPurge.class);

    private final IdempotencyKeys keys;
    private final DistributedLocks locks;
    private final Duration hold;

    IdempotencyKeyPurge(IdempotencyKeys keys, DistributedLocks locks,
                        @Value("${vitrine.idempotency.purge-interval:15m}") Duration interval) {
        this.keys = keys;
        this.locks = locks;
        // a little less than the interval, so the next round (on whichever instance) is never locked out
        this.hold = interval.multipliedBy(9).dividedBy(10);
    }

    @Scheduled(fixedDelay = "${vitrine.idempotency.purge-interval:15m}",
            initialDelay = "${vitrine.idempotency.purge-interval:15m}")
    void purge() {
        try {
            round();
        } catch (RuntimeException e) {
            LOG.warn("idempotency keys: purge failed, trying again at the next round", e);
        }
    }

    /** One round: how many keys it deleted, or empty when another instance holds this round. */
    Optional<Integer> round() {
        Optional<LockLease> lease;
        try {
            lease = locks.tryAcquire(LOCK, hold);
        } catch (CacheUnavailableException e) {
            LOG.info("idempotency keys: lock store unreachable, purging without it");
            return Optional.of(keys.purgeExpired());
        }
        if (lease.isEmpty()) {
            return Optional.empty();
        }
        int purged = keys.purgeExpired();
        if (purged > 0) {
            LOG.info("idempotency keys: purged {} expired", purged);
        }
        return Optional.of(purged);
    }
}
