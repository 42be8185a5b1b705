package io.vitrine.catalog.products;

import io.vitrine.kernel.cache.CacheUnavailableException;
import io.vitrine.kernel.cache.DistributedLocks;
import io.vitrine.kernel.cache.LockLease;
import io.vitrine.kernel.cache.ScopedKey;
import io.vitrine.kernel.tenancy.TenantId;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Optional;

/**
 * One search-feed delivery at a time per shop, across threads and instances, so that a delivery that read a
 * product earlier never writes its document after one that read it later. Holding the shop's turn, the feed reads
 * products without locking their rows: a shopkeeper's write never waits for the search engine. When the lock store
 * is unreachable there is no turn, and the feed falls back to locking the rows it reads (the order then comes from
 * the row locks, at the price of writers waiting for the index write).
 */
@Singleton
class IndexingTurns {

    /** Longer than any bulk write of one batch; a holder that dies frees the shop after it. */
    static final Duration LEASE = Duration.ofSeconds(60);
    /** How long a delivery waits for the shop's turn before it gives up and is retried by the outbox. */
    static final Duration PATIENCE = Duration.ofSeconds(5);
    private static final long POLL_MILLIS = 20;

    private final DistributedLocks locks;

    IndexingTurns(DistributedLocks locks) {
        this.locks = locks;
    }

    /**
     * The shop's turn (release it when the batch is written), or empty when the lock store is unreachable.
     * Throws {@link TurnBusyException} when another delivery of the shop keeps it longer than {@link #PATIENCE}.
     */
    Optional<Turn> take(TenantId tenant) {
        ScopedKey key = ScopedKey.of(tenant, "search-feed", "turn");
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        try {
            while (true) {
                Optional<LockLease> lease = locks.tryAcquire(key, LEASE);
                if (lease.isPresent()) {
                    return Optional.of(new Turn(lease.get()));
                }
                if (System.nanoTime() > deadline) {
                    throw new TurnBusyException(tenant);
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (CacheUnavailableException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TurnBusyException(tenant);
        }
    }

    /** A held turn; closing it frees the shop for the next delivery. */
    final class Turn implements AutoCloseable {

        private final LockLease lease;

        private Turn(LockLease lease) {
            this.lease = lease;
        }

        @Override
        public void close() {
            try {
                locks.release(lease);
            } catch (CacheUnavailableException e) {
                // the lease runs out on its own
            }
        }
    }

    /** Another delivery of the same shop is still writing: the outbox delivers this batch again later. */
    static final class TurnBusyException extends RuntimeException {

        TurnBusyException(TenantId tenant) {
            super("another search-feed delivery of " + tenant + " is still writing");
        }
    }
}
