package io.vitrine.catalog.stock;

import io.micronaut.serde.annotation.Serdeable;
import io.vitrine.catalog.products.ProductPlacementChanged;
import io.vitrine.kernel.outbox.OutboxEvent;
import io.vitrine.kernel.tenancy.TenantId;

import java.util.List;

/**
 * Units on hand changed at a bonded warehouse (published in the transaction of the change, one event per
 * warehouse per transaction): a count, an adjustment, a sale, a return. It names the SKUs only; a listener (the
 * POS catalog feed) reads the quantities as they are when the event reaches it. Reservations held or given back
 * leave on-hand alone and publish nothing.
 *
 * @param skus at most {@link ProductPlacementChanged#MAX_SKUS}; a larger change publishes several events
 */
@Serdeable
public record StockLevelChanged(TenantId tenant, String warehouseCode, List<String> skus) implements OutboxEvent {

    public static final String TYPE = "catalog.StockLevelChanged";

    public StockLevelChanged {
        skus = List.copyOf(skus);
        if (skus.isEmpty() || skus.size() > ProductPlacementChanged.MAX_SKUS) {
            throw new IllegalArgumentException("1 to " + ProductPlacementChanged.MAX_SKUS + " SKUs per event, not "
                    + skus.size());
        }
    }

    @Override
    public String eventType() {
        return TYPE;
    }

    /** The warehouse, the first SKU and how many more: an outbox business key is short. */
    @Override
    public String businessKey() {
        return warehouseCode + ":" + (skus.size() == 1 ? skus.get(0) : skus.get(0) + " +" + (skus.size() - 1));
    }
}
