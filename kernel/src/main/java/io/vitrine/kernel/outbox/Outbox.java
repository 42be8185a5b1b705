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

    /**
     * {@link #publish} for many events at once, each with its own deliveries, written in a few batched statements
     * (a bulk import publishes one event per product).
     *
     * @return the event ids, in the events' order
     */
    default java.util.List<String> publishAll(java.util.List<? extends OutboxEvent> events) {
        return events.stream().map(this::publish).toList();
    }
}
