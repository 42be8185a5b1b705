package io.vitrine.kernel.outbox;

/** State of one (event, listener) delivery, as stored in {@code outbox_deliveries.status}. */
public enum DeliveryStatus {
    /** Waiting for its due time, or claimed by a dispatcher until its lease ends. */
    PENDING,
    /** The listener's transaction committed. */
    DONE,
    /** Gave up after the configured number of attempts; {@code last_error} says why. */
    DEAD
}
