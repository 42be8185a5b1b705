package io.vitrine.catalog.storefront;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.catalog.products.Product;
import io.vitrine.kernel.tenancy.TenantId;

import java.util.List;

/**
 * The storefront's search while the engine is down: the tenant's products whose SKU, barcode, names or brand
 * contain the text (any case), with the same filters (the store's assortment, stock at its warehouse), sorted
 * by price, newest or SKU (no relevance without an engine). Plain page/size only; no facets. Implemented in
 * {@code infra}.
 */
public interface DatabaseSearch {

    /** One page of products in order, and how many match in all. */
    record Found(long total, List<Product> products) {
    }

    /** @param storeWarehouse the warehouse of the query's store (for {@code inStock}), null without a store */
    Found search(TenantId tenant, ShopperQuery query, @Nullable String storeWarehouse);

    /** Up to {@code limit} brands and then product names starting with {@code prefix} (any case). */
    List<String> suggest(TenantId tenant, String prefix, int limit);
}
