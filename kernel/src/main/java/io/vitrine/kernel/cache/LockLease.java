package io.vitrine.kernel.cache;

import java.util.Objects;

/**
 * Proof of holding a lock. {@code ownerToken} is random and known only to the holder: only it can
 * release or extend the lock. {@code fencingToken} grows with every acquisition of the same key,
 * so a resource can refuse a holder whose lease was overtaken by a newer one.
 */
public record LockLease(ScopedKey key, String ownerToken, long fencingToken) {

    public LockLease {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(ownerToken, "owner token");
    }
}
