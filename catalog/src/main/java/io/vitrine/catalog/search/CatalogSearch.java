package io.vitrine.catalog.search;

import io.vitrine.kernel.tenancy.TenantId;

import java.util.Collection;
import java.util.List;

/**
 * Full-text product search with filters, facets and suggestions over every tenant's catalog. Every read
 * is confined to the given tenant by the adapter itself; a document is identified by (tenant, sku).
 *
 * <p>Writes are durable and visible to searches when they return. Engine failures surface as
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
