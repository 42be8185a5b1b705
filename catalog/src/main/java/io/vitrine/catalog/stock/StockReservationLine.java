package io.vitrine.catalog.stock;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TenantId;

/** One line of a reservation's row. */
@MappedEntity("stock_reservation_lines")
public record StockReservationLine(@Id String id,
                                   @TenantId @Nullable String tenantId,
                                   String reservationId,
                                   int lineNo,
                                   String warehouseCode,
                                   String sku,
                                   long quantity) {

    ReservationLine line() {
        return new ReservationLine(warehouseCode, sku, quantity);
    }
}
