package io.vitrine.api.storefront;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.vitrine.catalog.search.CatalogSearch;
import io.vitrine.catalog.search.IndexRebuild;
import io.vitrine.catalog.search.SearchDocument;
import io.vitrine.catalog.search.SearchPage;
import io.vitrine.catalog.search.SearchQuery;
import io.vitrine.catalog.search.infra.LuceneCatalogSearch;
import io.vitrine.kernel.tenancy.TenantId;
import jakarta.inject.Singleton;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real Lucene adapter, which a test can break and bring back (only in applications started with
 * {@code vitrine.test.switchable-search=true}): {@link #breakIndex()} closes the adapter, so every call fails
 * the way a broken index does ({@code AlreadyClosedException} → {@code SearchUnavailableException});
 * {@link #repair()} opens the same folder again. Counts the searches that reached the engine.
 */
@Singleton
@Replaces(LuceneCatalogSearch.class)
@Requires(property = "vitrine.test.switchable-search", value = "true")
public class SwitchableLuceneSearch implements CatalogSearch {

    private final Path folder;
    private final AtomicInteger engineReads = new AtomicInteger();
    private volatile LuceneCatalogSearch lucene;

    SwitchableLuceneSearch(@Value("${vitrine.search.lucene-dir}") Path folder) {
        this.folder = folder;
        this.lucene = new LuceneCatalogSearch(folder);
    }

    private boolean broken;

    public synchronized void breakIndex() {
        if (!broken) {
            lucene.close();
            broken = true;
        }
    }

    public synchronized void repair() {
        if (broken) {
            lucene = new LuceneCatalogSearch(folder);
            broken = false;
        }
    }

    @jakarta.annotation.PreDestroy
    synchronized void shutDown() {
        try {
            lucene.close();
        } catch (RuntimeException alreadyClosed) {
            // broken by a test and never repaired
        }
    }

    public int engineReads() {
        return engineReads.get();
    }

    @Override
    public void index(SearchDocument document) {
        lucene.index(document);
    }

    @Override
    public void indexAll(Collection<SearchDocument> documents) {
        lucene.indexAll(documents);
    }

    @Override
    public void delete(TenantId tenant, String sku) {
        lucene.delete(tenant, sku);
    }

    @Override
    public void deleteAll(TenantId tenant, Collection<String> skus) {
        lucene.deleteAll(tenant, skus);
    }

    @Override
    public SearchPage search(TenantId tenant, SearchQuery query) {
        engineReads.incrementAndGet();
        return lucene.search(tenant, query);
    }

    @Override
    public List<String> suggest(TenantId tenant, String prefix, int limit) {
        engineReads.incrementAndGet();
        return lucene.suggest(tenant, prefix, limit);
    }

    @Override
    public IndexRebuild beginRebuild() {
        return lucene.beginRebuild();
    }
}
