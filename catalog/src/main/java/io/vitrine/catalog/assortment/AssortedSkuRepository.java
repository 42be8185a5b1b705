package io.vitrine.catalog.assortment;

import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.repository.GenericRepository;

import java.util.Collection;
import java.util.List;

/** The SKUs the current tenant's stores show: generated queries are filtered by it. Implemented in {@code infra}. */
public interface AssortedSkuRepository extends GenericRepository<AssortedSku, String> {

    List<String> findSkuByStoreCode(String storeCode);

    Page<AssortedSku> findByStoreCode(String storeCode, Pageable pageable);

    boolean existsByStoreCodeAndSku(String storeCode, String sku);

    List<String> findSkuByStoreCodeAndSkuIn(String storeCode, Collection<String> skus);

    List<AssortedSku> findBySkuIn(Collection<String> skus);

    List<AssortedSku> saveAll(Iterable<AssortedSku> skus);

    void deleteByStoreCodeAndSkuIn(String storeCode, Collection<String> skus);
}
