package io.vitrine.catalog.stock;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.catalog.products.SkuBatches;
import io.vitrine.catalog.products.StockAvailability;
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
 * Reads the current tenant's bonded stock: for staff ({@link #get}, {@link #list}, {@link #ledger}), for the
 * storefront (what is available at a store's warehouse) and for the search document (where a SKU is in stock).
 */
@Singleton
public class StockLevels implements StockAvailability {

    private final StockItemRepository items;
    private final StockLedgerRepository ledger;
    private final StockTargets targets;
    private final Stores stores;

    StockLevels(StockItemRepository items, StockLedgerRepository ledger, StockTargets targets, Stores stores) {
        this.items = items;
        this.ledger = ledger;
        this.targets = targets;
        this.stores = stores;
    }

    /** 404 unless the warehouse is one of the park's and the SKU a product; a pair never stocked is all zeros. */
    @Transactional(readOnly = true)
    public StockLevel get(String warehouseCode, String sku) {
        targets.require(warehouseCode, sku);
        return items.findByWarehouseCodeAndSku(warehouseCode, sku).map(StockItem::level)
                .orElseGet(() -> StockLevel.none(warehouseCode, sku));
    }

    /** Stocked pairs by warehouse, then SKU; of one warehouse (404 unless the park's) when it is given. */
    @Transactional(readOnly = true)
    public Page<StockLevel> list(@Nullable String warehouseCode, int page, int size) {
        return list(warehouseCode, null, page, size);
    }

    /**
     * The same, of one SKU (every warehouse that stocked it) when {@code sku} is given; both given: that pair, if
     * it was ever stocked. A SKU that is no product of the tenant simply has no rows.
     */
    @Transactional(readOnly = true)
    public Page<StockLevel> list(@Nullable String warehouseCode, @Nullable String sku, int page, int size) {
        Pageable pageable = Pageable.from(page, size, Sort.of(Sort.Order.asc("warehouseCode"), Sort.Order.asc("sku")));
        boolean anyWarehouse = warehouseCode == null || warehouseCode.isBlank();
        boolean anySku = sku == null || sku.isBlank();
        if (!anyWarehouse) {
            targets.requireWarehouse(warehouseCode);
        }
        if (anyWarehouse && anySku) {
            return items.findAll(pageable).map(StockItem::level);
        }
        if (anySku) {
            return items.findByWarehouseCode(warehouseCode, pageable).map(StockItem::level);
        }
        if (anyWarehouse) {
            return items.findBySku(sku.strip(), pageable).map(StockItem::level);
        }
        List<StockLevel> pair = items.findByWarehouseCodeAndSku(warehouseCode, sku.strip()).map(StockItem::level).stream()
                .toList();
        return Page.of(page == 0 ? pair : List.of(), pageable, (long) pair.size());
    }

    /** The ledger of one pair, newest first (404 as {@link #get}). */
    @Transactional(readOnly = true)
    public Page<StockLedgerEntry> ledger(String warehouseCode, String sku, int page, int size) {
        targets.require(warehouseCode, sku);
        return ledger.findByWarehouseCodeAndSku(warehouseCode, sku,
                Pageable.from(page, size, Sort.of(Sort.Order.desc("id"))));
    }

    /** {@code onHand - reserved} at the warehouse; 0 for anything unknown (no 404: cheap, for pages). */
    @Transactional(readOnly = true)
    public long available(String warehouseCode, String sku) {
        return items.findByWarehouseCodeAndSku(warehouseCode, sku).map(i -> i.level().available()).orElse(0L);
    }

    /** Available at the warehouse the store is served from; 404 when the store is not the tenant's. */
    @Transactional(readOnly = true)
    public long availableAtStore(String storeCode, String sku) {
        return available(stores.get(Actor.system(), storeCode).warehouseCode(), sku);
    }

    /** The bulk form for a page of products: every SKU asked is a key, 0 when none is available. */
    @Transactional(readOnly = true)
    public Map<String, Long> availableAtStore(String storeCode, Collection<String> skus) {
        String warehouse = stores.get(Actor.system(), storeCode).warehouseCode();
        Map<String, Long> available = new HashMap<>();
        skus.forEach(sku -> available.put(sku, 0L));
        for (List<String> chunk : SkuBatches.of(skus, SkuBatches.IN_LIST)) {
            items.findByWarehouseCodeAndSkuIn(warehouse, chunk)
                    .forEach(item -> available.put(item.sku(), item.level().available()));
        }
        return available;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Set<String>> warehousesWithStock(Collection<String> skus) {
        Map<String, Set<String>> warehouses = new HashMap<>();
        for (List<String> chunk : SkuBatches.of(skus, SkuBatches.IN_LIST)) {
            items.findBySkuIn(chunk).stream().filter(item -> item.level().inStock()).forEach(item ->
                    warehouses.computeIfAbsent(item.sku(), sku -> new TreeSet<>()).add(item.warehouseCode()));
        }
        return warehouses;
    }
}
