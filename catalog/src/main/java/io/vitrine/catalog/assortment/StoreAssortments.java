package io.vitrine.catalog.assortment;

import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.catalog.products.SkuBatches;
import io.vitrine.catalog.products.StoreListings;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.stores.Stores;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the current tenant's store assortments: for staff (a store manager only for the stores it is scoped
 * to), for the storefront (does this store show the SKU) and for the search document (which stores show it).
 * A store that is not the tenant's is not found (404).
 */
@Singleton
public class StoreAssortments implements StoreListings {

    private final Stores stores;
    private final AssortedSkuRepository skus;

    StoreAssortments(Stores stores, AssortedSkuRepository skus) {
        this.stores = stores;
        this.skus = skus;
    }

    /** The store's SKUs in SKU order, as {@code by} may see the store. */
    @Transactional(readOnly = true)
    public Page<AssortedSku> list(Actor by, String storeCode, int page, int size) {
        String store = stores.get(by, storeCode).code();
        return skus.findByStoreCode(store, Pageable.from(page, size, Sort.of(Sort.Order.asc("sku"))));
    }

    /** Whether the store's kiosks and shelves show the SKU. */
    @Transactional(readOnly = true)
    public boolean contains(String storeCode, String sku) {
        return skus.existsByStoreCodeAndSku(stores.get(Actor.system(), storeCode).code(), sku);
    }

    /** Which of these SKUs the store shows. */
    @Transactional(readOnly = true)
    public Set<String> assortedOf(String storeCode, Collection<String> candidates) {
        String store = stores.get(Actor.system(), storeCode).code();
        Set<String> shown = new TreeSet<>();
        for (List<String> batch : SkuBatches.of(candidates, SkuBatches.IN_LIST)) {
            shown.addAll(skus.findSkuByStoreCodeAndSkuIn(store, batch));
        }
        return shown;
    }

    /**
     * Which of these SKUs the store shows, without first looking the store up (one query for up to
     * {@code SkuBatches.IN_LIST} SKUs): for checkout, whose cart was opened for one of the tenant's stores (a store
     * is never removed); an unknown code shows nothing.
     */
    @Transactional(readOnly = true)
    public Set<String> assortedOfKnownStore(String storeCode, Collection<String> candidates) {
        Set<String> shown = new TreeSet<>();
        for (List<String> batch : SkuBatches.of(candidates, SkuBatches.IN_LIST)) {
            shown.addAll(skus.findSkuByStoreCodeAndSkuIn(storeCode, batch));
        }
        return shown;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Set<String>> storesShowing(Collection<String> candidates) {
        Map<String, Set<String>> storesBySku = new HashMap<>();
        for (List<String> batch : SkuBatches.of(candidates, SkuBatches.IN_LIST)) {
            skus.findBySkuIn(batch).forEach(row ->
                    storesBySku.computeIfAbsent(row.sku(), sku -> new TreeSet<>()).add(row.storeCode()));
        }
        return storesBySku;
    }
}
