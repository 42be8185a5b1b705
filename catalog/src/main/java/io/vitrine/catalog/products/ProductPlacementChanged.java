package io.vitrine.catalog.products;

import io.micronaut.serde.annotation.Serdeable;
import io.vitrine.kernel.outbox.OutboxEvent;
import io.vitrine.kernel.tenancy.TenantId;

import java.util.List;

/**
 * Where products are offered changed (published in the transaction of the change): a SKU came into stock or
 * ran out at a bonded warehouse, or a store's assortment gained or lost SKUs. It names the SKUs only; the
 * search feed reads their stock and assortment as they are when the event reaches it.
 *
 * @param skus at most {@link #MAX_SKUS}; a larger change publishes several events
 */
@Serdeable
public record ProductPlacementChanged(TenantId tenant, List<String> skus) implements OutboxEvent {

    public static final String TYPE = "catalog.ProductPlacementChanged";
    public static final int MAX_SKUS = 500;

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
