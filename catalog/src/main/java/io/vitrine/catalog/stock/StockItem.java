package io.vitrine.catalog.stock;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TenantId;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import io.vitrine.kernel.time.UtcDatetimeText;

import java.time.Instant;

/** The row behind a {@link StockLevel}: one per (tenant, warehouse, SKU) ever stocked. */
@MappedEntity("stock_levels")
public record StockItem(@Id String id,
                        @TenantId @Nullable String tenantId,
                        String warehouseCode,
                        String sku,
                        long onHand,
                        long reserved,
                        @TypeDef(type = DataType.STRING, converter = UtcDatetimeText.class) Instant updatedAt) {

    public StockLevel level() {
        return new StockLevel(warehouseCode, sku, onHand, reserved, updatedAt);
    }

    StockItem with(long newOnHand, long newReserved, Instant at) {
        if (newReserved < 0 || newReserved > newOnHand) {
            throw new IllegalStateException("stock of " + sku + " at " + warehouseCode + " would hold " + newOnHand
                    + " with " + newReserved + " reserved");
        }
        return new StockItem(id, tenantId, warehouseCode, sku, newOnHand, newReserved, at);
    }
}
