package io.vitrine.orders.logistics;

import io.micronaut.core.annotation.Nullable;

/**
 * What a partner posts about a parcel (api.md {@code POST /api/v1/logistics/shipments}), unchecked.
 *
 * @param at ISO-8601 with an offset, when it happened
 */
public record ReportShipment(@Nullable String orderNo, @Nullable String logisticsNo, @Nullable String status,
                             @Nullable String at) {
}
