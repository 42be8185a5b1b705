package io.vitrine.catalog.stock;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TenantId;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import io.vitrine.kernel.time.UtcDatetimeText;

import java.time.Instant;

/** The row of a {@link Reservation}; its lines are {@link StockReservationLine}s. */
@MappedEntity("stock_reservations")
public record StockReservation(@Id String id,
                               @TenantId @Nullable String tenantId,
                               String reference,
                               ReservationStatus status,
                               @TypeDef(type = DataType.STRING, converter = UtcDatetimeText.class) Instant expiresAt,
                               @TypeDef(type = DataType.STRING, converter = UtcDatetimeText.class) Instant createdAt,
                               @Nullable @TypeDef(type = DataType.STRING, converter = UtcDatetimeText.class) Instant endedAt) {

    StockReservation ended(ReservationStatus outcome, Instant at) {
        return new StockReservation(id, tenantId, reference, outcome, expiresAt, createdAt, at);
    }
}
