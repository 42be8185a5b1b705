package io.vitrine.pos.storestock;

import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.tenancy.CurrentTenant;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.stores.Stores;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Applies accepted POS lines to store stock, inside the ingest's transaction. A level is a function of the set of
 * movements, not of their arrival: a count replaces the level only when it is the latest by occurredAt, and a sale
 * that occurred before the latest count changes nothing (the count already saw the shelf without it). Late and
 * out-of-order events therefore give the level that in-order arrival gives.
 */
@Singleton
public class StoreStock {

    private final StoreStockRows rows;
    private final Stores stores;
    private final CurrentTenant currentTenant;

    StoreStock(StoreStockRows rows, Stores stores, CurrentTenant currentTenant) {
        this.rows = rows;
        this.stores = stores;
        this.currentTenant = currentTenant;
    }

    /** Records the movements and brings the touched SKUs' levels up to date. */
    public void apply(TenantId tenant, String storeCode, List<StockMovement> movements, Instant now) {
        if (movements.isEmpty()) {
            return;
        }
        rows.addMovements(tenant, storeCode, movements);
        SortedSet<String> skus = new TreeSet<>();
        movements.forEach(movement -> skus.add(movement.sku()));
        Map<String, Optional<CountMark>> latest = rows.lock(tenant, storeCode, skus, now);
        Map<String, StockMovement> newer = new HashMap<>();
        for (StockMovement count : movements) {
            if (count.kind() != MovementKind.COUNT) {
                continue;
            }
            Optional<CountMark> current = Optional.ofNullable(newer.get(count.sku())).map(StockMovement::mark)
                    .or(() -> latest.get(count.sku()));
            if (current.isEmpty() || count.mark().compareTo(current.get()) > 0) {
                newer.put(count.sku(), count);
            }
        }
        rows.recount(tenant, storeCode, newer.values(), now);
        rows.refresh(tenant, storeCode, skus, now);
    }

    /** Every SKU of the store that an event has touched, by SKU. */
    @Transactional(readOnly = true)
    public List<StoreStockLevel> levels(TenantId tenant, String storeCode) {
        return rows.levels(tenant, storeCode);
    }

    /** As {@link #levels(TenantId, String)} for a staff member: another tenant's store, or one they do not manage, 404. */
    @Transactional(readOnly = true)
    public List<StoreStockLevel> levels(Actor by, String storeCode) {
        return rows.levels(currentTenant.require(), stores.get(by, storeCode).code());
    }
}
