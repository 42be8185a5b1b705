package io.vitrine.catalog.products;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * Which bonded warehouses have available stock of the current tenant's SKUs, as the search document shows it.
 * Implemented by the stock feature ({@code catalog.stock.StockLevels}), which depends on products, not the
 * other way round.
 */
public interface StockAvailability {

    /** For each SKU asked that has stock somewhere, the warehouses where {@code available > 0}. */
    Map<String, Set<String>> warehousesWithStock(Collection<String> skus);
}
