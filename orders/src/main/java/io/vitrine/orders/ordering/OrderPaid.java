package io.vitrine.orders.ordering;

import io.micronaut.serde.annotation.Serdeable;
import io.vitrine.kernel.outbox.OutboxEvent;
import io.vitrine.kernel.tenancy.TenantId;

import java.time.Instant;

/**
 * An order was paid (outbox event {@value #TYPE}, published in the transaction that marks it PAID, once): the
 * customs handoff consumes it. Amounts in fen, as everywhere.
 */
@Serdeable
public record OrderPaid(TenantId tenant, String orderNo, long goodsValueFen, long freightFen, long insuranceFen,
                        long discountFen, long taxFen, long totalFen, Instant paidAt, String tradeNo)
        implements OutboxEvent {

    public static final String TYPE = "orders.OrderPaid";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String businessKey() {
        return orderNo;
    }
}
