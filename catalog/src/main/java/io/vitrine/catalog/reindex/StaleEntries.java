package io.vitrine.catalog.reindex;

import io.micronaut.transaction.TransactionOperations;
import io.vitrine.catalog.search.CatalogSearch;
import io.vitrine.catalog.search.SearchHit;
import io.vitrine.catalog.search.SearchPage;
import io.vitrine.catalog.search.SearchQuery;
import io.vitrine.catalog.search.SearchSort;
import io.vitrine.kernel.tenancy.TenantId;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Removes a tenant's search entries whose product is gone (a deletion whose index update was lost, e.g. a
 * delivery that went DEAD before the search feed retried until delivered). Walks the tenant's whole index with
 * cursors and checks each unknown SKU again under a lock before deleting, so a product created meanwhile
 * stays.
 */
@Singleton
class StaleEntries {

    private static final int PAGE = SearchQuery.MAX_SIZE;

    private final CatalogSearch search;
    private final ProductBatches products;
    private final TransactionOperations<?> transactions;

    StaleEntries(CatalogSearch search, ProductBatches products, TransactionOperations<?> transactions) {
        this.search = search;
        this.products = products;
        this.transactions = transactions;
    }

    /** Returns how many entries were removed. */
    int remove(TenantId tenant, Set<String> known) {
        List<String> unknown = new ArrayList<>();
        SearchQuery query = SearchQuery.builder().sort(SearchSort.RELEVANCE).size(PAGE).build();
        while (query != null) {
            SearchPage page = search.search(tenant, query);
            for (SearchHit hit : page.items()) {
                if (!known.contains(hit.sku())) {
                    unknown.add(hit.sku());
                }
            }
            query = page.nextCursor() == null ? null : query.after(page.nextCursor());
        }
        int removed = 0;
        for (String sku : unknown) {
            boolean gone = transactions.executeWrite(status -> {
                if (products.lockIfExists(tenant, sku)) {
                    return false;
                }
                search.delete(tenant, sku);
                return true;
            });
            removed += gone ? 1 : 0;
        }
        return removed;
    }
}
