package io.vitrine.orders.logistics;

import io.micronaut.core.annotation.Nullable;

/** What a partner posts to assign a waybill (api.md {@code POST /api/v1/logistics/waybills}), unchecked. */
public record PostWaybill(@Nullable String orderNo, @Nullable String logisticsCode, @Nullable String logisticsName,
                          @Nullable String logisticsNo) {
}
