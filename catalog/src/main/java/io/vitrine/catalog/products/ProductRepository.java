package io.vitrine.catalog.products;

import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The current tenant's products: every generated query is filtered by it. Implemented in {@code infra}. */
public interface ProductRepository extends CrudRepository<Product, String> {

    Optional<Product> findBySku(String sku);

    /** Locks the row until the transaction ends: the search feed reads a product and its change in order. */
    Optional<Product> findBySkuForUpdate(String sku);

    boolean existsBySku(String sku);

    /** These SKUs' products, in one query (checkout reads a cart's products at once). */
    List<Product> findBySkuIn(Collection<String> skus);

    /** Locks these SKUs' rows until the transaction ends (a bulk import's batch). */
    List<Product> findBySkuInForUpdate(Collection<String> skus);

    List<Product> findByGtinIn(Collection<String> gtins);

    /** The next products after this SKU, in SKU order (an export walks the catalog with it). */
    List<Product> findBySkuGreaterThan(String after, Pageable pageable);

    /** Which of these SKUs are products (the store assortment refuses the others). */
    List<String> findSkuBySkuIn(Collection<String> skus);

    Optional<Product> findByGtin(String gtin);

    Page<Product> findAll(Pageable pageable);

    /** Products whose SKU, names, brand or barcode match the LIKE patterns (the same pattern in each). */
    Page<Product> findBySkuIlikeOrNameZhIlikeOrNameEnIlikeOrBrandIlikeOrGtinIlike(String sku, String nameZh,
            String nameEn, String brand, String gtin, Pageable pageable);
}
