package io.vitrine.catalog.products;

import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.vitrine.kernel.outbox.OutboxEvent;
import io.vitrine.kernel.tenancy.TenantId;

import java.util.List;

/**
 * Where products are offered changed (published in the transaction of the change): a SKU came into stock or
 * ran out at a bonded warehouse, or a store's assortment gained or lost SKUs. It names the SKUs (and the store
 * whose assortment changed) only; the search feed reads their stock and assortment as they are when the event
 * reaches it, and the POS feed touches that store's feed only.
 *
 * @param skus      at most {@link #MAX_SKUS}; a larger change publishes several events
 * @param storeCode the store whose assortment gained or lost them; null for stock in or out at a warehouse
 */
@Serdeable
public record ProductPlacementChanged(TenantId tenant, List<String> skus, @Nullable String storeCode)
        implements OutboxEvent {

    public static final String TYPE = "catalog.ProductPlacementChanged";
    public static final int MAX_SKUS = 500;

    /** In or out of stock at a warehouse: no store's assortment changed. */
    public ProductPlacementChanged(TenantId tenant, List<String> skus) {
        this(tenant, skus, null);
    }

    @Creator
    public ProductPlacementChanged {
        skus = List.copyOf(skus);
        if (skus.isEmpty() || skus.size() > MAX_SKUS) {
            throw new IllegalArgumentException("1 to " + MAX_SKUS + " SKUs per event, not " + skus.size());
        }
    }

    @Override
    public String eventType() {
        return TYPE;
    }

    /** The first SKU, and how many more: an outbox business key is short. */
    @Override
    public String businessKey() {
        return skus.size() == 1 ? skus.get(0) : skus.get(0) + " +" + (skus.size() - 1);
    }
}
