package io.vitrine.kernel.cache;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A scheduled round that one instance runs while every instance schedules it: the first to take the round's
 * distributed lock runs it and keeps the lock (never releases it) for {@code hold}, so the others skip theirs —
 * what ShedLock's "lock at least for" does, which the project does not wire. For the jobs whose round is safe to
 * run twice at once (each item is claimed under its row lock, or the work is idempotent): when the lock store is
 * unreachable the round runs anyway, rather than no instance running it.
 */
public final class SingleInstanceRound {

    private static final Logger LOG = LoggerFactory.getLogger(SingleInstanceRound.class);

    private final DistributedLocks locks;
    private final ScopedKey lock;
    private final Duration hold;
    private final String job;

    /**
     * @param hold how long the instance that ran a round keeps the others out
     * @param job  who runs the round, for the log ("orders: unpaid closing")
     */
    public SingleInstanceRound(DistributedLocks locks, ScopedKey lock, Duration hold, String job) {
        this.locks = Objects.requireNonNull(locks, "locks");
        this.lock = Objects.requireNonNull(lock, "lock");
        this.hold = Objects.requireNonNull(hold, "hold");
        this.job = Objects.requireNonNull(job, "job");
    }

    /**
     * A round repeated every {@code interval}: the lock is kept for nine tenths of it, a little less than the
     * interval, so the next round (on whichever instance) is never locked out.
     */
    public static SingleInstanceRound every(Duration interval, DistributedLocks locks, ScopedKey lock, String job) {
        return new SingleInstanceRound(locks, lock, interval.multipliedBy(9).dividedBy(10), job);
    }

    /** Runs the round if this instance takes the lock (or the lock store is unreachable); empty when another has it. */
    public <T> Optional<T> run(Supplier<T> round) {
        try {
            if (locks.tryAcquire(lock, hold).isEmpty()) {
                return Optional.empty();
            }
        } catch (CacheUnavailableException e) {
            LOG.info("{}: lock store unreachable, running the round without it", job);
        }
        return Optional.of(round.get());
    }
}
