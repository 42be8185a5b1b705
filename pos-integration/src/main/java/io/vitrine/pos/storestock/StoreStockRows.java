package io.vitrine.pos.storestock;

import io.vitrine.kernel.tenancy.TenantId;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;

/**
 * The store stock tables: movement rows and one level row per store and SKU. Implemented in {@code infra}; every
 * method runs in the caller's transaction and filters by tenant.
 */
public interface StoreStockRows {

    void addMovements(TenantId tenant, String storeCode, List<StockMovement> movements);

    /**
     * Locks the level rows of these SKUs (created at 0 when missing), in SKU order so that two writers never wait on
     * each other in a circle, and answers the latest count each has. A missing row created by another writer first is
     * a lost race: the caller's transaction starts again.
     */
    Map<String, Optional<CountMark>> lock(TenantId tenant, String storeCode, SortedSet<String> skus, Instant now);

    /** Makes these counts the latest of their SKUs. */
    void recount(TenantId tenant, String storeCode, Collection<StockMovement> counts, Instant now);

    /** Sets on_hand of these SKUs from their latest count and the movements that occurred after it. */
    void refresh(TenantId tenant, String storeCode, Collection<String> skus, Instant now);

    List<StoreStockLevel> levels(TenantId tenant, String storeCode);

    /** The store's movements and counts that occurred before {@code before}, by SKU, then time, then event key. */
    List<StockMovement> history(TenantId tenant, String storeCode, Instant before);
}
