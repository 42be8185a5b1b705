package io.vitrine.catalog.products;

import io.vitrine.catalog.search.CatalogSearch;
import io.vitrine.kernel.outbox.DeliveredEvent;
import io.vitrine.kernel.outbox.BatchOutboxListener;
import io.vitrine.kernel.outbox.OutboxRetries;
import io.vitrine.kernel.tenancy.TenantId;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Keeps the search index in step with the products (issue #4 "Freshness"): on {@link ProductChanged} or
 * {@link ProductDeleted} it reads the product as it is now and writes or removes its document; on
 * {@link ProductPlacementChanged} (stock in or out at a warehouse, a store's assortment) it rewrites the documents
 * of the SKUs named. It takes the outbox's due events in batches ({@link BatchOutboxListener}, one tenant each): the
 * batch's SKUs are read once, holding the shop's {@link IndexingTurns turn} (so a delivery that read a product
 * earlier never writes after one that read it later, and no product row stays locked while the engine writes; without
 * the lock store, the rows are locked in SKU order instead) — then one bulk write indexes the present products and one
 * removes the gone ones (a 10,000-row import
 * reaches the index in a few hundred bulk requests, not 10,000 single writes). The outbox retries a failed batch
 * whole with backoff when the engine is down ({@code SearchUnavailableException}) until delivered, however long,
 * so an outage delays the index and never loses a change. Writing is idempotent: the same document again, or
 * deleting what is gone.
 */
@Singleton
public class SearchIndexFeed implements BatchOutboxListener {

    public static final String NAME = "catalog.search-index";

    private final ProductRepository products;
    private final SearchDocuments documents;
    private final CatalogSearch search;
    private final IndexingTurns turns;

    SearchIndexFeed(ProductRepository products, SearchDocuments documents, CatalogSearch search, IndexingTurns turns) {
        this.products = products;
        this.documents = documents;
        this.search = search;
        this.turns = turns;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(ProductChanged.TYPE, ProductDeleted.TYPE, ProductPlacementChanged.TYPE);
    }

    /**
     * Indexing is idempotent and a lost change would leave the index wrong until a reindex: an engine outage of
     * any length is waited out (retried at least every {@code vitrine.outbox.max-backoff}), never DEAD.
     */
    @Override
    public OutboxRetries retries() {
        return OutboxRetries.UNTIL_DELIVERED;
    }

    @Override
    public void onBatch(List<DeliveredEvent> events) {
        TenantId tenant = events.get(0).tenant().orElseThrow(() -> new IllegalStateException(events.get(0) + " has no tenant"));
        Set<String> skus = new TreeSet<>(); // one lock order for every delivery
        for (DeliveredEvent event : events) {
            skus.addAll(skusOf(event));
        }
        Optional<IndexingTurns.Turn> turn = turns.take(tenant);
        try {
            List<Product> present = new ArrayList<>();
            for (List<String> batch : SkuBatches.of(skus, SkuBatches.IN_LIST)) {
                present.addAll(turn.isPresent() ? products.findBySkuIn(batch) : products.findBySkuInForUpdate(batch));
            }
            Set<String> gone = new TreeSet<>(skus);
            present.forEach(product -> gone.remove(product.sku()));
            if (!present.isEmpty()) {
                search.indexAll(documents.of(tenant, present));
            }
            if (!gone.isEmpty()) {
                search.deleteAll(tenant, gone);
            }
        } finally {
            turn.ifPresent(IndexingTurns.Turn::close);
        }
    }

    private static List<String> skusOf(DeliveredEvent event) {
        return switch (event.type()) {
            case ProductChanged.TYPE -> List.of(event.payloadAs(ProductChanged.class).sku());
            case ProductDeleted.TYPE -> List.of(event.payloadAs(ProductDeleted.class).sku());
            default -> event.payloadAs(ProductPlacementChanged.class).skus();
        };
    }
}
