package io.vitrine.pos.feed;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * One SKU as a store shows it now (api.md "POS and kiosk devices"): an UPSERT carries the product, its goods price,
 * the cross-border tax on one unit (price with tax = {@code priceFen + taxFen}) and the units on hand at the store's
 * warehouse; a DELETE carries the SKU only.
 */
@Serdeable
public record CatalogChange(String sku, ChangeOp op, @Nullable FeedProduct product, @Nullable Long priceFen,
                            @Nullable Long taxFen, @Nullable Long stock) {

    public static CatalogChange delete(String sku) {
        return new CatalogChange(sku, ChangeOp.DELETE, null, null, null, null);
    }

    public static CatalogChange upsert(String sku, FeedProduct product, long priceFen, long taxFen, long stock) {
        return new CatalogChange(sku, ChangeOp.UPSERT, product, priceFen, taxFen, stock);
    }
}
