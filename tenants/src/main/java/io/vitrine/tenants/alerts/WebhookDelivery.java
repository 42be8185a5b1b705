package io.vitrine.tenants.alerts;

/**
 * Where an alert's webhook post stands. PENDING until the outbox listener has an answer: it stays PENDING while
 * failures (5xx, timeout, unreachable) are retried by the outbox, and when the outbox gives up (its delivery DEAD)
 * the row keeps the attempts and the last error.
 */
public enum WebhookDelivery {
    PENDING,
    /** The receiver answered 2xx. */
    DELIVERED,
    /** The tenant had no alertWebhookUrl when the alert was sent: nothing to post. */
    NO_WEBHOOK,
    /** Not retried: the address is not allowed (private network) or the receiver refused it (3xx, 4xx). */
    REFUSED
}
