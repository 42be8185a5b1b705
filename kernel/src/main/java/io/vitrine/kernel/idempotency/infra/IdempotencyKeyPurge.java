package io.vitrine.kernel.idempotency.infra;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import io.vitrine.kernel.cache.DistributedLocks;
import io.vitrine.kernel.cache.ScopedKey;
import io.vitrine.kernel.cache.SingleInstanceRound;
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
    private final SingleInstanceRound rounds;

    IdempotencyKeyPurge(IdempotencyKeys keys, DistributedLocks locks,
                        @Value("${vitrine.idempotency.purge-interval:15m}") Duration interval) {
        this.keys = keys;
        this.rounds = SingleInstanceRound.every(interval, locks, LOCK, "idempotency keys: purge");
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
        Optional<Integer> purged = rounds.run(keys::purgeExpired);
        purged.filter(count -> count > 0).ifPresent(count -> LOG.info("idempotency keys: purged {} expired", count));
        return purged;
    }
}
