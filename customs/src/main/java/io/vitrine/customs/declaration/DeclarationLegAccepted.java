package io.vitrine.customs.declaration;

import io.micronaut.serde.annotation.Serdeable;
import io.vitrine.kernel.outbox.OutboxEvent;
import io.vitrine.kernel.tenancy.TenantId;

/**
 * One leg of a declaration was accepted (outbox event {@value #TYPE}, published in the transaction that moves the leg
 * to ACCEPTED, so once per leg): the order leg on customs' 120, the payment leg when the payment company's declaration
 * passed its identity check. The inventory list goes out once both are accepted and the order has its waybill
 * ({@link Declaration#readyForInventoryList()}).
 */
@Serdeable
public record DeclarationLegAccepted(TenantId tenant, String orderNo, Leg leg) implements OutboxEvent {

    public static final String TYPE = "customs.DeclarationLegAccepted";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String businessKey() {
        return orderNo;
    }
}
