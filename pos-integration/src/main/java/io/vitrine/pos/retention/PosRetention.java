package io.vitrine.pos.retention;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import io.vitrine.kernel.cache.DistributedLocks;
import io.vitrine.kernel.cache.ScopedKey;
import io.vitrine.kernel.cache.SingleInstanceRound;
import io.vitrine.pos.events.LedgerRetention;
import io.vitrine.pos.feed.ChangeLogRetention;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The POS tables' retention job: every {@code vitrine.pos.retention.interval} (1h; {@code enabled: false} stops the
 * schedule, e.g. in tests that prune by hand) it prunes the catalog change log ({@link ChangeLogRetention}) and the
 * event ledger ({@link LedgerRetention}), in batched deletes, each its own transaction. Every instance schedules it;
 * the first to take the kernel's distributed lock runs the round and keeps the lock for most of the interval
 * (ShedLock's "lock at least for", as {@code catalog.stock.ReservationExpiry}). Two rounds at once would still be
 * safe (a horizon never moves back; a delete of what is gone deletes nothing), so with the lock store unreachable
 * the round runs anyway.
 */
@Singleton
public class PosRetention {

    static final ScopedKey LOCK = ScopedKey.platform("pos-retention", "round");
    private static final Logger LOG = LoggerFactory.getLogger(PosRetention.class);

    private final ChangeLogRetention changeLog;
    private final LedgerRetention ledger;
    private final SingleInstanceRound rounds;
    private final Clock clock;
    private final boolean enabled;

    PosRetention(ChangeLogRetention changeLog, LedgerRetention ledger, DistributedLocks locks, Clock clock,
                 @Value("${vitrine.pos.retention.interval:1h}") Duration interval,
                 @Value("${vitrine.pos.retention.enabled:true}") boolean enabled) {
        this.changeLog = changeLog;
        this.ledger = ledger;
        this.rounds = SingleInstanceRound.every(interval, locks, LOCK, "pos retention");
        this.clock = clock;
        this.enabled = enabled;
    }

    @Scheduled(fixedDelay = "${vitrine.pos.retention.interval:1h}",
            initialDelay = "${vitrine.pos.retention.interval:1h}")
    void run() {
        if (!enabled) {
            return;
        }
        try {
            round().filter(r -> r.changeLogEntries() + r.events() + r.heartbeats() > 0).ifPresent(r ->
                    LOG.info("pos retention: {} change log entries, {} events, {} heartbeats deleted",
                            r.changeLogEntries(), r.events(), r.heartbeats()));
        } catch (RuntimeException e) {
            LOG.warn("pos retention: round failed, trying again at the next round", e);
        }
    }

    /** One round, or empty when another instance holds this round. */
    public Optional<Round> round() {
        return rounds.run(this::prune);
    }

    /** Prunes now, without the lock. */
    public Round prune() {
        long entries = changeLog.prune(clock.instant());
        LedgerRetention.Pruned pruned = ledger.prune(clock.instant());
        return new Round(entries, pruned.events(), pruned.heartbeats());
    }

    /** What a round deleted. */
    public record Round(long changeLogEntries, long events, long heartbeats) {
    }
}
