package io.vitrine.tenants.devices.signing;

/**
 * What a request may do when the shared nonce store is unreachable (api.md "Conventions"); the
 * caller knows which class of request it serves.
 */
public enum ReplayProtection {
    /** Moves money or creates orders: without the shared store its nonce cannot be checked, refuse (503). */
    STRICT,
    /**
     * Read-only feeds and event batches (protected by their event ids): check the nonce against this
     * instance's own store instead. A replay sent to another instance during the outage, or to any
     * instance after the shared store is back, is not caught; that is the accepted trade-off.
     */
    FALLBACK_ALLOWED
}
