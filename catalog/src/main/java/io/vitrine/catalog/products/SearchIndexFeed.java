package io.vitrine.catalog.products;

import io.vitrine.catalog.search.CatalogSearch;
import io.vitrine.kernel.outbox.DeliveredEvent;
import io.vitrine.kernel.outbox.OutboxListener;
import io.vitrine.kernel.outbox.OutboxRetries;
import io.vitrine.kernel.tenancy.TenantId;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Keeps the search index in step with the products (issue #4 "Freshness"): on {@link ProductChanged} or
 * {@link ProductDeleted} it reads the product as it is now — locking its row, so a change committing
 * meanwhile is indexed after this one — and writes or removes its document. On {@link ProductPlacementChanged}
 * (stock in or out at a warehouse, a store's assortment) it rewrites the documents of the SKUs named, again
 * from their rows locked in SKU order. The outbox delivers within the event's tenant and retries with backoff
 * when the engine is down ({@code SearchUnavailableException}) until delivered, however long, so an outage
 * delays the index and never loses a change. Writing is idempotent: the same document again, or deleting what is gone.
 */
@Singleton
public class SearchIndexFeed implements OutboxListener {

    public static final String NAME = "catalog.search-index";

    private final ProductRepository products;
    private final SearchDocuments documents;
    private final CatalogSearch search;

    SearchIndexFeed(ProductRepository products, SearchDocuments documents, CatalogSearch search) {
        this.products = products;
        this.documents = documents;
        this.search = search;
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
    public void on(DeliveredEvent event) {
        TenantId tenant = event.tenant().orElseThrow(() -> new IllegalStateException(event + " has no tenant"));
        List<String> skus = switch (event.type()) {
            case ProductChanged.TYPE -> List.of(event.payloadAs(ProductChanged.class).sku());
            case ProductDeleted.TYPE -> List.of(event.payloadAs(ProductDeleted.class).sku());
            default -> event.payloadAs(ProductPlacementChanged.class).skus();
        };
        List<Product> present = new ArrayList<>();
        for (String sku : new TreeSet<>(skus)) { // one lock order for every delivery
            products.findBySkuForUpdate(sku).ifPresentOrElse(present::add, () -> search.delete(tenant, sku));
        }
        if (present.size() == 1) {
            search.index(documents.of(tenant, present.get(0)));
        } else if (!present.isEmpty()) {
            search.indexAll(documents.of(tenant, present));
        }
    }
}
