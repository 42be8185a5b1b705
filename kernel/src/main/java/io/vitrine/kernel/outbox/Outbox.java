package io.vitrine.kernel.outbox;

/**
 * The transactional outbox: the one way modules tell each other what happened.
 */
public interface Outbox {

    /**
     * Records the event in the caller's current transaction, with one pending delivery for each
     * listener subscribed to its type at this moment. Listeners get it only once that transaction
     * commits — never if it rolls back — and at least once even if the process dies right after.
     *
     * @return the event id (listeners' idempotency key)
     * @throws IllegalStateException when called outside a transaction
     */
    String publish(OutboxEvent event);
}
