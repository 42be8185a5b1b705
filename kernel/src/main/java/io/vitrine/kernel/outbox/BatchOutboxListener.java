package io.vitrine.kernel.outbox;

import java.util.List;

/**
 * An {@link OutboxListener} that takes its due events several at a time, for work that costs per call rather
 * than per event (one bulk request to a search engine instead of one per product). The dispatcher hands it the
 * events of one claimed batch that belong to one tenant, in claim order, in one transaction within
 * {@code TenantContext.runAs(that tenant)}; events it already processed are left out, and each event's processed
 * mark and delivery status are still recorded one by one in that transaction.
 *
 * <p>A batch fails or succeeds as a whole: when {@link #onBatch} throws, every delivery of the batch records the
 * failure and is retried with its own backoff (so the work must be idempotent, as any effect outside the
 * database already is). Retries, leases and claiming are those of any listener.
 */
public interface BatchOutboxListener extends OutboxListener {

    /** Handles one tenant's events (or platform events: no tenant), 1 to {@code vitrine.outbox.batch-size} of them. */
    void onBatch(List<DeliveredEvent> events);

    /** A single event is a batch of one. */
    @Override
    default void on(DeliveredEvent event) {
        onBatch(List.of(event));
    }
}
