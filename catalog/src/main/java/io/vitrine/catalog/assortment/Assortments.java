package io.vitrine.catalog.assortment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.catalog.products.ProductRepository;
import io.vitrine.catalog.products.SkuBatches;
import io.vitrine.kernel.error.FieldChecks;
import io.vitrine.kernel.tenancy.CurrentTenant;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.stores.Store;
import io.vitrine.tenants.stores.Stores;
import jakarta.inject.Singleton;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Retailer admins replace the SKUs a store's kiosks and display shelves show (api.md "Catalog and stock"). The
 * new set replaces the old as a whole or not at all: every SKU must be a product of the tenant (400 naming
 * each one that is not), the store must be the tenant's (404). Replacements of one store run one after the
 * other (its row is locked) and each computes what it adds and removes from the list as committed when it got
 * the lock, so the rows, the count, the audit entry and the {@code ProductPlacementChanged} events always
 * describe exactly the list that is left — the last save wins, whole.
 * <p>
 * A save made from a list read earlier (a form, an edited export) names the version it read: when the list
 * changed since, it is refused with {@link StaleAssortmentException} (409) and changes nothing, so one retailer
 * never silently undoes another's change. Without a version the save replaces whatever is there.
 */
@Singleton
public class Assortments {

    public static final int MAX_SKUS = 20_000;
    private static final int MAX_ERRORS = 100;

    private final Stores stores;
    private final ProductRepository products;
    private final AssortmentRows rows;
    private final AssortmentChanges changes;
    private final CurrentTenant currentTenant;

    Assortments(Stores stores, ProductRepository products, AssortmentRows rows, AssortmentChanges changes,
                CurrentTenant currentTenant) {
        this.stores = stores;
        this.products = products;
        this.rows = rows;
        this.changes = changes;
        this.currentTenant = currentTenant;
    }

    /** Replaces the list whatever it is now (no version named). */
    @Transactional
    public AssortmentChange replace(Actor by, String storeCode, List<String> skus) {
        return replace(by, storeCode, skus, null);
    }

    /**
     * Replaces the list if it is still at {@code expectedVersion} (null: whatever it is).
     *
     * @throws StaleAssortmentException (409) the list changed since that version; nothing is changed
     */
    @Transactional
    public AssortmentChange replace(Actor by, String storeCode, List<String> skus, @Nullable Long expectedVersion) {
        TenantId tenant = currentTenant.require();
        Store store = stores.get(by, storeCode);
        Set<String> wanted = validSkus(skus);
        StoreAssortment locked = rows.lock(tenant, store.code(), by.id());
        if (expectedVersion != null && expectedVersion != locked.version()) {
            throw new StaleAssortmentException(store.code(), expectedVersion, locked.version(), locked.updatedAt());
        }
        Set<String> current = new HashSet<>(rows.skusOf(store.code()));
        Set<String> added = new TreeSet<>(wanted);
        added.removeAll(current);
        Set<String> removed = new TreeSet<>(current);
        removed.removeAll(wanted);
        lockProducts(skus, added);
        StoreAssortment now = rows.apply(locked, added, removed, wanted.size(), by.id());
        AssortmentChange change = new AssortmentChange(store.code(), wanted.size(), added.size(), removed.size(),
                now.version());
        changes.replaced(by, tenant, change, added, removed);
        return change;
    }

    /** The version of the store's list as {@code by} may see the store (0 before its first save). */
    @Transactional(readOnly = true)
    public long version(Actor by, String storeCode) {
        return rows.version(stores.get(by, storeCode).code());
    }

    /**
     * Locks the products this save adds until it commits, in SKU order, and finds each still there: a product
     * deletion (which locks the product first, then takes it out of every assortment it finds) either commits first
     * — the SKU is then refused as unknown — or waits and finds the listing. No assortment keeps a deleted product.
     */
    private void lockProducts(List<String> sent, Set<String> added) {
        Set<String> found = new HashSet<>();
        for (List<String> batch : SkuBatches.of(added, SkuBatches.IN_LIST)) {
            products.findBySkuInForUpdate(batch).forEach(product -> found.add(product.sku()));
        }
        if (found.size() == added.size()) {
            return;
        }
        FieldChecks checks = new FieldChecks();
        for (int i = 0; i < sent.size(); i++) {
            String sku = sent.get(i) == null ? null : sent.get(i).strip();
            if (added.contains(sku) && !found.contains(sku)) {
                checks.fail("skus[" + i + "]", "UNKNOWN_SKU", "no product " + sku + " (it has just been deleted)");
            }
        }
        checks.throwIfAny();
    }

    /** Every SKU once, each a product of the tenant; the failures all at once (the first 100). */
    private Set<String> validSkus(List<String> skus) {
        FieldChecks checks = new FieldChecks();
        if (skus == null) {
            checks.fail("skus", "REQUIRED", "is required (an empty list clears the assortment)");
            checks.throwIfAny();
        }
        if (skus.size() > MAX_SKUS) {
            checks.fail("skus", "ASSORTMENT_TOO_LARGE", "at most " + MAX_SKUS + " SKUs per store");
            checks.throwIfAny();
        }
        Set<String> distinct = new LinkedHashSet<>();
        for (int i = 0; i < skus.size(); i++) {
            String sku = checks.text("skus[" + i + "]", skus.get(i), 64);
            if (sku != null && !distinct.add(sku)) {
                checks.fail("skus[" + i + "]", "SKU_REPEATED", sku + " is already in the list");
            }
        }
        Set<String> known = new HashSet<>();
        for (List<String> batch : SkuBatches.of(distinct, SkuBatches.IN_LIST)) {
            known.addAll(products.findSkuBySkuIn(batch));
        }
        int unknown = 0;
        for (int i = 0; i < skus.size() && unknown < MAX_ERRORS; i++) {
            String sku = skus.get(i) == null ? null : skus.get(i).strip();
            if (sku != null && distinct.contains(sku) && !known.contains(sku)) {
                checks.fail("skus[" + i + "]", "UNKNOWN_SKU", "no product " + sku);
                unknown++;
            }
        }
        if (unknown == MAX_ERRORS) {
            checks.fail("skus", "TOO_MANY_ERRORS", "the first " + MAX_ERRORS + " unknown SKUs are listed");
        }
        checks.throwIfAny();
        return distinct;
    }
}
