package io.vitrine.catalog.products;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.catalog.positivelist.PositiveList;
import jakarta.inject.Singleton;

/**
 * Reads the current tenant's products as {@link CatalogProduct}s: positive-list eligibility is derived
 * from the HS code at read time (so it changes when the list changes) and the price with tax is computed.
 */
@Singleton
public class Catalog {

    private static final int MAX_QUERY_LENGTH = 100;

    private final ProductRepository products;
    private final PositiveList positiveList;

    Catalog(ProductRepository products, PositiveList positiveList) {
        this.products = products;
        this.positiveList = positiveList;
    }

    @Transactional(readOnly = true)
    public CatalogProduct get(String sku) {
        return describe(products.findBySku(sku).orElseThrow(Products::notFound));
    }

    /**
     * A page of products by SKU; {@code q} (optional) keeps those whose SKU, Chinese or English name, brand
     * or barcode contains it, ignoring case. The storefront's search is the search engine; this is the
     * staff's list.
     */
    @Transactional(readOnly = true)
    public Page<CatalogProduct> list(@Nullable String q, int page, int size) {
        Pageable pageable = Pageable.from(page, size, Sort.of(Sort.Order.asc("sku")));
        String text = q == null ? "" : q.strip();
        if (text.length() > MAX_QUERY_LENGTH) {
            text = text.substring(0, MAX_QUERY_LENGTH);
        }
        Page<Product> found;
        if (text.isEmpty()) {
            found = products.findAll(pageable);
        } else {
            String like = "%" + escapeLike(text) + "%";
            found = products.findBySkuIlikeOrNameZhIlikeOrNameEnIlikeOrBrandIlikeOrGtinIlike(like, like, like, like, like,
                    pageable);
        }
        return found.map(this::describe);
    }

    public CatalogProduct describe(Product product) {
        return new CatalogProduct(product, positiveList.isListed(product.hsCode()), ShelfPrice.of(product));
    }

    /** Typed '%' and '_' match themselves (the default LIKE escape is '\' on MySQL, MariaDB and H2). */
    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
