package io.vitrine.kernel.cache;

import java.time.Duration;
import java.util.Optional;

/**
 * Mutual exclusion across application instances, with a lease: a holder that dies without
 * releasing loses the lock when the lease runs out. A lease can end while its holder still works
 * (a long GC pause), so work guarded by a lock that writes elsewhere should carry the
 * {@link LockLease#fencingToken()} and let the writer refuse tokens older than the last it saw.
 */
public interface DistributedLocks {

    /** Takes the lock if free; empty when someone else holds it. Never waits. */
    Optional<LockLease> tryAcquire(ScopedKey key, Duration lease);

    /** Frees the lock if this lease still owns it; false when it had expired or was another's. */
    boolean release(LockLease lease);

    /**
     * Sets the remaining lease of a lock this lease still owns to {@code duration}; false when the
     * lease has already expired or belongs to someone else (the lock may then be taken by another).
     */
    boolean extend(LockLease lease, Duration duration);
}
