package io.vitrine.orders.logistics;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.vitrine.kernel.outbox.OutboxEvent;
import io.vitrine.kernel.tenancy.TenantId;

import java.time.Instant;

/**
 * An order got its waybill (outbox event {@value #TYPE}, published in the transaction that records it, once per
 * waybill: a replayed post publishes nothing). The declaration pipeline waits for it, with {@code OrderPaid}, before
 * it sends the inventory list (CEB621 carries logisticsCode, logisticsName and logisticsNo).
 *
 * @param tradeMode        {@code 1210}, {@code 1239} or {@code 9610} (GENERAL orders get no waybill here)
 * @param replacedLogisticsNo the number this waybill replaces (allowed only before the order is declared), else null
 */
@Serdeable
public record WaybillAssigned(TenantId tenant, String orderNo, String tradeMode, String logisticsCode,
                              String logisticsName, String logisticsNo, Instant assignedAt,
                              @Nullable String replacedLogisticsNo) implements OutboxEvent {

    public static final String TYPE = "orders.WaybillAssigned";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String businessKey() {
        return orderNo;
    }
}
