package io.vitrine.catalog.assortment;

import io.vitrine.catalog.products.ProductLeftovers;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.tenants.access.Actor;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A deleted product leaves every store's assortment, as if each store's SKU list were replaced without it: the
 * stores' rows are locked in store order, their counts follow, each store's change is audited and
 * {@code ProductPlacementChanged} is published, so the search index and the feeds drop the stores.
 */
@Singleton
class DeletedProductListings implements ProductLeftovers {

    private final AssortedSkuRepository skus;
    private final AssortmentRows rows;
    private final AssortmentChanges changes;

    DeletedProductListings(AssortedSkuRepository skus, AssortmentRows rows, AssortmentChanges changes) {
        this.skus = skus;
        this.rows = rows;
        this.changes = changes;
    }

    @Override
    public void settleDeletion(Actor by, TenantId tenant, String sku) {
        Set<String> storeCodes = new TreeSet<>();
        skus.findBySkuIn(List.of(sku)).forEach(row -> storeCodes.add(row.storeCode()));
        for (String storeCode : storeCodes) {
            StoreAssortment locked = rows.lock(tenant, storeCode, by.id());
            if (skus.findSkuByStoreCodeAndSkuInForUpdate(storeCode, List.of(sku)).isEmpty()) { // as committed
                continue; // replaced without it meanwhile
            }
            int count = Math.max(locked.skuCount() - 1, 0);
            StoreAssortment now = rows.apply(locked, List.of(), List.of(sku), count, by.id());
            changes.replaced(by, tenant, new AssortmentChange(storeCode, count, 0, 1, now.version()), Set.of(),
                    Set.of(sku));
        }
    }
}
