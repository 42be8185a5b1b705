package io.vitrine.customs.declaration;

import io.micronaut.serde.annotation.Serdeable;
import io.vitrine.kernel.outbox.OutboxEvent;
import io.vitrine.kernel.tenancy.TenantId;

/**
 * A held order was released after review (outbox event {@value #TYPE}, published by whoever held it, in the
 * transaction that records the decision): customs declares it as it declares a paid order, once.
 */
@Serdeable
public record ReleasedFromHold(TenantId tenant, String orderNo) implements OutboxEvent {

    public static final String TYPE = "customs.ReleasedFromHold";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String businessKey() {
        return orderNo;
    }
}
