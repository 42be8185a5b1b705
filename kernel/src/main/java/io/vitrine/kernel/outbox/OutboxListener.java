package io.vitrine.kernel.outbox;

import java.util.Set;

/**
 * Reacts to outbox events. Make it a bean; the dispatcher calls {@link #on} inside a transaction,
 * within {@code TenantContext.runAs(event tenant)} for tenant events, and records the event id as
 * processed by this listener in that same transaction: so whatever the listener writes through
 * the application's DataSource happens exactly once per event, even though delivery itself is at
 * least once. Effects outside the database (an HTTP call, a file) must be idempotent on their own,
 * keyed by {@link DeliveredEvent#id()}.
 *
 * <p>A listener that throws is retried with exponential backoff and, after the configured number
 * of attempts, its delivery goes DEAD (kept with the last error) — unless its {@link #retries()} are
 * {@link OutboxRetries#UNTIL_DELIVERED}. Other listeners of the same event are unaffected.
 */
public interface OutboxListener {

    /**
     * Stable name, stored with each pending delivery: renaming a listener orphans its pending
     * deliveries. At most 100 characters, e.g. {@code "customs.declare-paid-order"}.
     */
    String name();

    /** The event types this listener wants; fixed for the life of the application. */
    Set<String> eventTypes();

    void on(DeliveredEvent event);

    /** Whether failed deliveries go DEAD after {@code vitrine.outbox.max-attempts} (the default) or never. */
    default OutboxRetries retries() {
        return OutboxRetries.LIMITED;
    }
}
