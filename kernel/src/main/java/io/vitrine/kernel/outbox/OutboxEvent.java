package io.vitrine.kernel.outbox;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.tenancy.TenantId;

/**
 * Something that happened, to be told to other modules after the change that caused it commits.
 * Implement it with a {@code @Serdeable} record: the record's components become the JSON payload.
 *
 * <pre>{@code
 * @Serdeable
 * public record OrderPaid(TenantId tenant, String orderNumber, long amountFen) implements OutboxEvent {
 *     public static final String TYPE = "orders.OrderPaid";
 *     public String eventType() { return TYPE; }
 *     public String businessKey() { return orderNumber; }
 * }
 * }</pre>
 */
public interface OutboxEvent {

    /** Stable name listeners subscribe to; survives class renames. At most 100 characters. */
    String eventType();

    /** The tenant the event belongs to; {@code null} for platform-wide events. */
    @Nullable
    TenantId tenant();

    /** What the event is about (order number, product id...), for tracing. At most 128 characters. */
    String businessKey();
}
