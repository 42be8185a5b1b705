package io.vitrine.catalog.search;

import io.vitrine.kernel.tenancy.TenantId;

import java.util.Collection;
import java.util.List;

/**
 * Full-text product search with filters, facets and suggestions over every tenant's catalog. Every read
 * is confined to the given tenant by the adapter itself; a document is identified by (tenant, sku).
 *
 * <p>Writes are durable when they return and searchable within the engine's refresh interval (Elasticsearch:
 * {@code vitrine.search.elasticsearch.refresh-interval}, 500 ms by default; a write does not wait for it, so a
 * bulk of writes is not held up by one refresh each) or at once (Lucene). Engine failures surface as
 * {@link SearchUnavailableException}. Adapters: {@code infra.LuceneCatalogSearch} (embedded, default)
 * and {@code infra.ElasticsearchCatalogSearch}, chosen by {@code vitrine.search.backend}.
 */
public interface CatalogSearch {

    int MAX_SUGGESTIONS = 10;

    /** Adds or replaces the document of (tenant, sku). */
    void index(SearchDocument document);

    void indexAll(Collection<SearchDocument> documents);

    /** Removes the document; nothing happens if there is none. */
    void delete(TenantId tenant, String sku);

    /** Removes the tenant's documents of these SKUs, in one write where the engine allows; absent ones are skipped. */
    default void deleteAll(TenantId tenant, Collection<String> skus) {
        skus.forEach(sku -> delete(tenant, sku));
    }

    /**
     * Makes every write acknowledged so far searchable now rather than at the next refresh, for a job that reads
     * back what it wrote (a shop's reindex walks its index for stale entries) or reports it done. Nothing to do
     * for an engine whose writes are searchable at once.
     */
    default void refresh() {
    }

    SearchPage search(TenantId tenant, SearchQuery query);

    /**
     * Completions for what a shopper has typed so far: brands, categories and product names whose text,
     * full pinyin or pinyin initials start with {@code prefix} ({@code 奶}, {@code naif}, {@code nf}),
     * those shared by more products first. {@code limit} is 1..{@value #MAX_SUGGESTIONS}.
     */
    List<String> suggest(TenantId tenant, String prefix, int limit);

    /**
     * Starts a full reindex into a new physical index (of every tenant: the index is shared). Only one
     * rebuild runs at a time; another call while one is open fails with a conflict.
     */
    IndexRebuild beginRebuild();
}
