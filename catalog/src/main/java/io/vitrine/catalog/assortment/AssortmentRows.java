package io.vitrine.catalog.assortment;

import io.vitrine.catalog.products.SkuBatches;
import io.vitrine.kernel.id.Ids;
import io.vitrine.kernel.tenancy.TenantId;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;

/** A store's assortment rows, written inside the caller's transaction (callers are {@code @Transactional}). */
@Singleton
class AssortmentRows {

    private final StoreAssortmentRepository stores;
    private final AssortedSkuRepository skus;
    private final Ids ids;
    private final Clock clock;

    AssortmentRows(StoreAssortmentRepository stores, AssortedSkuRepository skus, Ids ids, Clock clock) {
        this.stores = stores;
        this.skus = skus;
        this.ids = ids;
        this.clock = clock;
    }

    /** Locks the store's assortment, created empty the first time. */
    StoreAssortment lock(TenantId tenant, String storeCode, String by) {
        stores.insertIfAbsent(ids.nextId(), tenant.value(), storeCode, now(), by);
        return stores.findByStoreCodeForUpdate(storeCode).orElseThrow();
    }

    /** The locked store's SKUs as committed, whatever the transaction read before its lock. */
    List<String> skusOf(String storeCode) {
        return skus.findSkuByStoreCodeForUpdate(storeCode);
    }

    /** The version a save may name: 0 for a store never given an assortment. */
    long version(String storeCode) {
        return stores.findByStoreCode(storeCode).map(StoreAssortment::version).orElse(0L);
    }

    /** Applies the difference to the locked store and records the new count. */
    StoreAssortment apply(StoreAssortment locked, Collection<String> added, Collection<String> removed, int count,
                          String by) {
        String storeCode = locked.storeCode();
        Instant now = now();
        for (List<String> batch : SkuBatches.of(removed, SkuBatches.IN_LIST)) {
            skus.deleteByStoreCodeAndSkuIn(storeCode, batch);
        }
        skus.saveAll(added.stream().map(sku -> new AssortedSku(ids.nextId(), null, storeCode, sku, now)).toList());
        return stores.update(locked.replaced(count, now, by));
    }

    /** Cut to what a DATETIME(6) column keeps, so an answer shows what a later read shows. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
