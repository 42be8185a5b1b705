package io.vitrine.catalog.assortment;

import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.repository.GenericRepository;

import java.util.Collection;
import java.util.List;

/** The SKUs the current tenant's stores show: generated queries are filtered by it. Implemented in {@code infra}. */
public interface AssortedSkuRepository extends GenericRepository<AssortedSku, String> {

    List<String> findSkuByStoreCode(String storeCode);

    /**
     * The store's SKUs as committed now, locked: read after the store's row is locked, so a replacement that
     * committed while this one waited is seen even where the transaction's snapshot (MariaDB's repeatable read)
     * is older.
     */
    List<String> findSkuByStoreCodeForUpdate(String storeCode);

    Page<AssortedSku> findByStoreCode(String storeCode, Pageable pageable);

    boolean existsByStoreCodeAndSku(String storeCode, String sku);

    List<String> findSkuByStoreCodeAndSkuIn(String storeCode, Collection<String> skus);

    /** The same, as committed now and locked (inside the store's lock). */
    List<String> findSkuByStoreCodeAndSkuInForUpdate(String storeCode, Collection<String> skus);

    List<AssortedSku> findBySkuIn(Collection<String> skus);

    List<AssortedSku> saveAll(Iterable<AssortedSku> skus);

    void deleteByStoreCodeAndSkuIn(String storeCode, Collection<String> skus);
}
