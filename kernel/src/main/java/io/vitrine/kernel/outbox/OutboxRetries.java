package io.vitrine.kernel.outbox;

/**
 * How long the dispatcher keeps retrying a listener's failed deliveries ({@link OutboxListener#retries()}).
 * The wait between attempts grows the same way for both, capped at {@code vitrine.outbox.max-backoff}.
 */
public enum OutboxRetries {

    /** {@code vitrine.outbox.max-attempts}, then the delivery is DEAD (kept with its last error). */
    LIMITED,

    /**
     * Never DEAD: retried at least every {@code max-backoff} until it succeeds. For listeners whose work is
     * idempotent and must survive an outage of any length (the search index follows the catalog); not for
     * a listener whose failure can be permanent, which would then be retried for ever.
     */
    UNTIL_DELIVERED
}
