package io.vitrine.orders.ordering;

import io.micronaut.serde.annotation.Serdeable;
import io.vitrine.kernel.outbox.OutboxEvent;
import io.vitrine.kernel.tenancy.TenantId;

/**
 * Clearance stopped a paid order for good and it was cancelled (outbox event {@value #TYPE}, published once, in the
 * transaction that cancels it): e.g. the payer's identity check failed ({@link ClearanceRefusal#PAYER_NOT_BUYER}).
 * Risk control counts these per buyer.
 */
@Serdeable
public record OrderRefusedAtClearance(TenantId tenant, String orderNo, ClearanceRefusal refusal)
        implements OutboxEvent {

    public static final String TYPE = "orders.OrderRefusedAtClearance";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String businessKey() {
        return orderNo;
    }
}
