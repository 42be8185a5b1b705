package io.vitrine.orders.returns;

import io.micronaut.serde.annotation.Serdeable;
import io.vitrine.kernel.outbox.OutboxEvent;
import io.vitrine.kernel.tenancy.TenantId;

import java.time.Instant;

/**
 * A return's goods are back at the bonded site (outbox event {@value #TYPE}, in the transaction that moves it to
 * GOODS_RECEIVED: once on receipt, again on each {@link RefundRetries} of a REFUND_FAILED one): {@link ReturnRefunding}
 * refunds {@code refundFen} through Alipay, until it is done or refused for good.
 */
@Serdeable
public record ReturnReceived(TenantId tenant, String returnNo, String orderNo, long refundFen, Instant receivedAt)
        implements OutboxEvent {

    public static final String TYPE = "orders.ReturnReceived";

    static ReturnReceived of(TenantId tenant, ReturnRefund refund) {
        return new ReturnReceived(tenant, refund.returnNo(), refund.orderNo(), refund.amount().fen(),
                refund.receivedAt());
    }

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String businessKey() {
        return returnNo;
    }
}
