package io.vitrine.catalog.stock;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/**
 * The stock of one SKU at one bonded warehouse: {@code onHand} units in the warehouse, {@code reserved} of them
 * held by active reservations (checkouts), and what is left to sell.
 *
 * @param updatedAt null for a pair never stocked
 */
public record StockLevel(String warehouseCode, String sku, long onHand, long reserved, @Nullable Instant updatedAt) {

    static StockLevel none(String warehouseCode, String sku) {
        return new StockLevel(warehouseCode, sku, 0, 0, null);
    }

    /** {@code onHand - reserved}; writers keep reserved ≤ onHand, so it is never negative. */
    public long available() {
        return Math.max(0, onHand - reserved);
    }

    public boolean inStock() {
        return available() > 0;
    }
}
