package io.vitrine.pos.events;

import io.vitrine.catalog.products.ProductRepository;
import io.vitrine.catalog.products.SkuBatches;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/** Which SKUs are products of the current tenant's catalog: an event naming any other is rejected UNKNOWN_SKU. */
@Singleton
class KnownSkus {

    private static final int QUERY_SIZE = 500;

    private final ProductRepository products;

    KnownSkus(ProductRepository products) {
        this.products = products;
    }

    Set<String> among(Collection<String> skus) {
        Set<String> known = new HashSet<>();
        for (var batch : SkuBatches.of(skus, QUERY_SIZE)) {
            known.addAll(products.findSkuBySkuIn(batch));
        }
        return known;
    }
}
