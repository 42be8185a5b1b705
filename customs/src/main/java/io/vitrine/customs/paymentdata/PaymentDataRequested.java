package io.vitrine.customs.paymentdata;

import io.micronaut.serde.annotation.Serdeable;
import io.vitrine.kernel.outbox.OutboxEvent;
import io.vitrine.kernel.tenancy.TenantId;

/** Customs asked for an order's payment data (recorded, answered 10000): the upload is to be built and sent. */
@Serdeable
public record PaymentDataRequested(TenantId tenant, String sessionId, String orderNo) implements OutboxEvent {

    public static final String TYPE = "customs.PaymentDataRequested";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String businessKey() {
        return orderNo;
    }
}
