package io.vitrine.catalog.reindex;

import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.TransactionOperations;
import io.vitrine.catalog.products.Product;
import io.vitrine.catalog.products.SearchDocuments;
import io.vitrine.catalog.search.CatalogSearch;
import io.vitrine.catalog.search.IndexRebuild;
import io.vitrine.kernel.jobs.JobHandler;
import io.vitrine.kernel.jobs.JobRun;
import io.vitrine.kernel.tenancy.TenantContext;
import io.vitrine.kernel.tenancy.TenantId;
import jakarta.inject.Singleton;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Rebuilds search documents from the products table, in batches, with progress (one item = one product).
 * Searches keep answering throughout, and no change made meanwhile is lost:
 * <ul>
 * <li>{@link ReindexScope#TENANT}: each batch of the tenant's products is read with its rows locked and
 *     written to the live index before the transaction ends. A change to one of them waits for that, and the
 *     outbox feed then indexes it (it reads under the same lock): so the index always ends with the newest
 *     version, never the job's older copy. Then documents of SKUs the tenant no longer has are removed (each
 *     checked again under a lock). Searches see each product replaced in place.</li>
 * <li>{@link ReindexScope#ALL}: {@link CatalogSearch#beginRebuild()} opens a new physical index and the
 *     snapshot is read after that, so a change committed earlier is in it; changes indexed meanwhile reach both
 *     indexes and the adapters never let the older snapshot overwrite them (Lucene skips ids changed meanwhile,
 *     Elasticsearch only creates). {@code switchToRebuilt()} then swaps indexes in one step.</li>
 * </ul>
 * Runs again from the start when retried (writing the same documents again is harmless).
 */
@Singleton
public class SearchReindexJob implements JobHandler {

    public static final String KIND = "catalog.search-reindex";

    private final ProductBatches products;
    private final SearchDocuments documents;
    private final CatalogSearch search;
    private final StaleEntries stale;
    private final TransactionOperations<?> transactions;
    private final int batchSize;

    SearchReindexJob(ProductBatches products, SearchDocuments documents, CatalogSearch search, StaleEntries stale,
                     TransactionOperations<?> transactions,
                     @Value("${vitrine.catalog.reindex.batch-size:500}") int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("vitrine.catalog.reindex.batch-size must be at least 1");
        }
        this.products = products;
        this.documents = documents;
        this.search = search;
        this.stale = stale;
        this.transactions = transactions;
        this.batchSize = batchSize;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(JobRun run) {
        ReindexScope scope = run.input().parameters() == null ? ReindexScope.TENANT
                : ReindexScope.valueOf(run.input().parameters());
        if (scope == ReindexScope.TENANT) {
            resync(run, run.tenant());
        } else {
            rebuildAll(run);
        }
    }

    private void resync(JobRun run, TenantId tenant) {
        run.total(products.count(tenant));
        Set<String> indexed = new HashSet<>();
        String after = "";
        while (true) {
            String from = after;
            List<String> skus = transactions.executeWrite(status -> {
                List<Product> batch = products.lockNextBatch(tenant, from, batchSize);
                search.indexAll(documents.of(tenant, batch)); // while the rows are locked: see the class comment
                return batch.stream().map(Product::sku).toList();
            });
            if (skus.isEmpty()) {
                break;
            }
            indexed.addAll(skus);
            run.advance(skus.size(), 0);
            after = skus.get(skus.size() - 1);
        }
        search.refresh(); // the walk below sees every entry
        int removed = stale.remove(tenant, indexed);
        if (removed > 0) {
            search.refresh(); // the job ends with its removals searchable too
        }
        run.message(indexed.size() + " products indexed, " + removed + " stale search entries removed");
    }

    private void rebuildAll(JobRun run) {
        try (IndexRebuild rebuild = search.beginRebuild()) {
            // read only now: whatever committed before the rebuild began is in this snapshot
            List<TenantId> tenants = products.tenantsWithProducts();
            run.total(tenants.stream().mapToLong(products::count).sum());
            long indexed = 0;
            for (TenantId tenant : tenants) {
                indexed += TenantContext.callAs(tenant, () -> copyTenant(run, tenant, rebuild));
            }
            rebuild.switchToRebuilt();
            run.message(indexed + " products of " + tenants.size() + " tenants indexed into a new search index");
        }
    }

    private long copyTenant(JobRun run, TenantId tenant, IndexRebuild rebuild) {
        long copied = 0;
        String after = "";
        while (true) {
            String from = after;
            List<Product> batch = transactions.executeRead(status -> products.nextBatch(tenant, from, batchSize));
            if (batch.isEmpty()) {
                return copied;
            }
            rebuild.indexAll(documents.of(tenant, batch));
            copied += batch.size();
            run.advance(batch.size(), 0);
            after = batch.get(batch.size() - 1).sku();
        }
    }
}
