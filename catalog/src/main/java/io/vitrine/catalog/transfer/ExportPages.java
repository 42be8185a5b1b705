package io.vitrine.catalog.transfer;

import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.catalog.products.Product;
import io.vitrine.catalog.products.ProductRepository;
import jakarta.inject.Singleton;

import java.util.List;

/** One page of the current tenant's catalog after a SKU, in SKU order, each page its own short read. */
@Singleton
class ExportPages {

    private final ProductRepository products;

    ExportPages(ProductRepository products) {
        this.products = products;
    }

    @Transactional(readOnly = true)
    List<Product> after(String sku, int size) {
        return products.findBySkuGreaterThan(sku, Pageable.from(0, size, Sort.of(Sort.Order.asc("sku"))));
    }
}
