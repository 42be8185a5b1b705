package io.vitrine.api.orders.logistics;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.vitrine.orders.logistics.Waybill;

import java.time.Instant;

/** An order's waybill as the partner and the shop's staff read it; shippedAt / deliveredAt as the partner reported. */
@Serdeable
public record WaybillView(String orderNo, String logisticsCode, String logisticsName, String logisticsNo,
                          Instant assignedAt, @Nullable Instant shippedAt, @Nullable Instant deliveredAt) {

    public static WaybillView of(Waybill waybill) {
        return new WaybillView(waybill.orderNo(), waybill.logisticsCode(), waybill.logisticsName(),
                waybill.logisticsNo(), waybill.assignedAt(), waybill.shippedAt(), waybill.deliveredAt());
    }
}
