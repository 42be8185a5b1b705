package io.vitrine.catalog.products;

import io.vitrine.catalog.search.CatalogSearch;
import io.vitrine.catalog.search.SearchDocument;
import io.vitrine.kernel.outbox.DeliveredEvent;
import io.vitrine.kernel.outbox.OutboxListener;
import io.vitrine.kernel.outbox.OutboxRetries;
import io.vitrine.kernel.tenancy.TenantId;
import jakarta.inject.Singleton;

import java.util.Set;

/**
 * Keeps the search index in step with the products (issue #4 "Freshness"): on {@link ProductChanged} or
 * {@link ProductDeleted} it reads the product as it is now — locking its row, so a change committing
 * meanwhile is indexed after this one — and writes or removes its document. The outbox delivers within the
 * event's tenant and retries with backoff when the engine is down ({@code SearchUnavailableException}), so
 * an outage delays the index and never loses a change. Writing is idempotent: the same document again, or
 * deleting what is gone.
 */
@Singleton
public class SearchIndexFeed implements OutboxListener {

    public static final String NAME = "catalog.search-index";

    private final ProductRepository products;
    private final CatalogSearch search;

    SearchIndexFeed(ProductRepository products, CatalogSearch search) {
        this.products = products;
        this.search = search;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(ProductChanged.TYPE, ProductDeleted.TYPE);
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
        String sku = ProductChanged.TYPE.equals(event.type()) ? event.payloadAs(ProductChanged.class).sku()
                : event.payloadAs(ProductDeleted.class).sku();
        products.findBySkuForUpdate(sku).ifPresentOrElse(
                product -> search.index(document(tenant, product)),
                () -> search.delete(tenant, sku));
    }

    /**
     * The product as the search engine holds it; stock and assortment come with their own features. The
     * reindex job builds its documents here too, so both paths index the same thing.
     */
    public static SearchDocument document(TenantId tenant, Product product) {
        ShelfPrice price = ShelfPrice.of(product);
        return new SearchDocument(tenant, product.sku(), product.gtin(), product.nameZh(), product.nameEn(),
                product.brand(), product.categorySegments(), product.originCountry(), product.tradeMode().code(),
                price.price().fen(), price.tax().fen(), null, product.createdAt(), product.descriptionZh(),
                product.descriptionEn(), Set.of(), Set.of());
    }
}
