package io.vitrine.api.console.retailer;

import io.vitrine.api.console.ChinaTimeText;
import io.vitrine.catalog.stock.StockLevel;

/** A stock level as the console's tables show it. */
public record StockRow(String warehouseCode, String sku, long onHand, long reserved, long available, String updatedAt) {

    static StockRow of(StockLevel level) {
        return new StockRow(level.warehouseCode(), level.sku(), level.onHand(), level.reserved(), level.available(),
                ChinaTimeText.of(level.updatedAt()));
    }
}
