package io.vitrine.pos.feed;

import io.vitrine.catalog.products.ProductChanged;
import io.vitrine.catalog.products.ProductDeleted;
import io.vitrine.catalog.products.ProductPlacementChanged;
import io.vitrine.catalog.stock.StockLevelChanged;
import io.vitrine.kernel.outbox.BatchOutboxListener;
import io.vitrine.kernel.outbox.DeliveredEvent;
import io.vitrine.kernel.outbox.OutboxRetries;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Feeds the POS change log from the catalog's events: a product changed or deleted, a SKU placed in or taken out
 * of a store's assortment or in/out of stock (for every store), units on hand moved at a warehouse (for the stores
 * served from it). A batch of one tenant's events is one append: one sequence bump, one insert batch. Retried until
 * delivered: a change left out of the log would never reach the stores.
 */
@Singleton
class CatalogChangeRecorder implements BatchOutboxListener {

    private final CatalogChangeLog log;

    CatalogChangeRecorder(CatalogChangeLog log) {
        this.log = log;
    }

    @Override
    public String name() {
        return "pos.catalog-change-log";
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(ProductChanged.TYPE, ProductDeleted.TYPE, ProductPlacementChanged.TYPE, StockLevelChanged.TYPE);
    }

    @Override
    public OutboxRetries retries() {
        return OutboxRetries.UNTIL_DELIVERED;
    }

    @Override
    public void onBatch(List<DeliveredEvent> events) {
        events.get(0).tenant().ifPresent(tenant ->
                log.append(tenant, events.stream().flatMap(CatalogChangeRecorder::entriesOf).toList()));
    }

    private static Stream<CatalogChangeLog.Entry> entriesOf(DeliveredEvent event) {
        return switch (event.type()) {
            case ProductChanged.TYPE -> Stream.of(new CatalogChangeLog.Entry(event.payloadAs(ProductChanged.class).sku(), null));
            case ProductDeleted.TYPE -> Stream.of(new CatalogChangeLog.Entry(event.payloadAs(ProductDeleted.class).sku(), null));
            case StockLevelChanged.TYPE -> {
                StockLevelChanged changed = event.payloadAs(StockLevelChanged.class);
                yield changed.skus().stream().map(sku -> new CatalogChangeLog.Entry(sku, changed.warehouseCode()));
            }
            default -> event.payloadAs(ProductPlacementChanged.class).skus().stream()
                    .map(sku -> new CatalogChangeLog.Entry(sku, null));
        };
    }
}
