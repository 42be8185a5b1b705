package io.vitrine.pos.feed;

import io.vitrine.catalog.products.ProductChanged;
import io.vitrine.catalog.products.ProductDeleted;
import io.vitrine.catalog.products.ProductPlacementChanged;
import io.vitrine.catalog.stock.StockLevelChanged;
import io.vitrine.kernel.outbox.BatchOutboxListener;
import io.vitrine.kernel.outbox.DeliveredEvent;
import io.vitrine.kernel.outbox.OutboxRetries;
import io.vitrine.tenants.stores.StoreWarehouseChanged;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Feeds the POS change log from the catalog's and the stores' events: a product changed or deleted (for every
 * store), a store's assortment gained or lost SKUs (for that store), units on hand moved at a warehouse (for the
 * stores served from it), a store moved to another warehouse (every SKU of its assortment, for that store: its stock
 * figures are now the other warehouse's). A batch of one tenant's events is one append: one sequence bump, one insert
 * batch. Retried until delivered: a change left out of the log would never reach the stores.
 *
 * <p>A SKU going in or out of stock at a warehouse ({@link ProductPlacementChanged} without a store) is not logged:
 * the feed does not depend on it, and the on-hand change behind it publishes {@link StockLevelChanged} (a reservation
 * that flips it leaves on hand, the feed's {@code stock}, alone).
 */
@Singleton
class CatalogChangeRecorder implements BatchOutboxListener {

    /** SKUs of a moved store's assortment read per statement. */
    static final int ASSORTMENT_PAGE = 1000;

    private final CatalogChangeLog log;
    private final AssortmentKeyset assortment;

    CatalogChangeRecorder(CatalogChangeLog log, AssortmentKeyset assortment) {
        this.log = log;
        this.assortment = assortment;
    }

    @Override
    public String name() {
        return "pos.catalog-change-log";
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(ProductChanged.TYPE, ProductDeleted.TYPE, ProductPlacementChanged.TYPE, StockLevelChanged.TYPE,
                StoreWarehouseChanged.TYPE);
    }

    @Override
    public OutboxRetries retries() {
        return OutboxRetries.UNTIL_DELIVERED;
    }

    @Override
    public void onBatch(List<DeliveredEvent> events) {
        events.get(0).tenant().ifPresent(tenant ->
                log.append(tenant, events.stream().flatMap(this::entriesOf).toList()));
    }

    private Stream<CatalogChangeLog.Entry> entriesOf(DeliveredEvent event) {
        return switch (event.type()) {
            case ProductChanged.TYPE -> Stream.of(CatalogChangeLog.Entry.everywhere(
                    event.payloadAs(ProductChanged.class).sku()));
            case ProductDeleted.TYPE -> Stream.of(CatalogChangeLog.Entry.everywhere(
                    event.payloadAs(ProductDeleted.class).sku()));
            case StockLevelChanged.TYPE -> {
                StockLevelChanged changed = event.payloadAs(StockLevelChanged.class);
                yield changed.skus().stream().map(sku -> CatalogChangeLog.Entry.atWarehouse(sku, changed.warehouseCode()));
            }
            case StoreWarehouseChanged.TYPE -> wholeShelf(event.payloadAs(StoreWarehouseChanged.class).storeCode());
            default -> {
                ProductPlacementChanged placed = event.payloadAs(ProductPlacementChanged.class);
                yield placed.storeCode() == null ? Stream.empty()
                        : placed.skus().stream().map(sku -> CatalogChangeLog.Entry.atStore(sku, placed.storeCode()));
            }
        };
    }

    /** Every SKU of the store's assortment as it is now (in the listener's tenant and transaction). */
    private Stream<CatalogChangeLog.Entry> wholeShelf(String storeCode) {
        List<CatalogChangeLog.Entry> entries = new ArrayList<>();
        String after = "";
        List<String> page;
        do {
            page = assortment.after(storeCode, after, ASSORTMENT_PAGE);
            page.forEach(sku -> entries.add(CatalogChangeLog.Entry.atStore(sku, storeCode)));
            after = page.isEmpty() ? after : page.get(page.size() - 1);
        } while (page.size() == ASSORTMENT_PAGE);
        return entries.stream();
    }
}
