package io.vitrine.catalog.storefront;

import java.util.OptionalLong;

/**
 * What the store-level features (bonded stock, reservations, store assortment; issue #4, built in their own
 * packages) tell the storefront. Until they are wired in, {@link UnwiredStoreShelves} answers "unknown":
 * search then neither narrows by a store's assortment nor by stock, and shows stock as unknown.
 */
public interface StoreShelves {

    /** Whether search documents carry each product's stores ({@code SearchDocument.storeCodes}). */
    boolean assortmentIndexed();

    /** Whether search documents carry the warehouses holding stock ({@code SearchDocument.inStockWarehouses}). */
    boolean stockIndexed();

    /**
     * Units of the current tenant's SKU the store can sell now (its warehouse's stock less reservations);
     * empty while unknown.
     */
    OptionalLong availableAt(String storeCode, String warehouseCode, String sku);
}
