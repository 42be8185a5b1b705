package io.vitrine.catalog.search.infra;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.vitrine.catalog.search.CatalogSearch;
import io.vitrine.catalog.search.IndexRebuild;
import io.vitrine.catalog.search.SearchDocument;
import io.vitrine.catalog.search.SearchHit;
import io.vitrine.catalog.search.SearchPage;
import io.vitrine.catalog.search.SearchQuery;
import io.vitrine.catalog.search.SearchSort;
import io.vitrine.catalog.search.SearchUnavailableException;
import io.vitrine.kernel.error.ConflictException;
import io.vitrine.kernel.tenancy.TenantId;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.util.BytesRef;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import static io.vitrine.catalog.search.infra.ProductFields.*;

/**
 * The embedded search engine: one Lucene index for every tenant under {@code vitrine.search.lucene-dir}.
 *
 * <p>Durability: a write returns after an fsync'd commit, so a killed process keeps everything it
 * acknowledged (the outbox marks a change delivered only then), and after a near-real-time refresh, so
 * the next search sees it. A rebuild writes a new folder and switches by an atomic rename
 * ({@link LuceneIndexFolder}).
 */
@Singleton
@Requires(property = "vitrine.search.backend", value = "lucene", defaultValue = "lucene")
public final class LuceneCatalogSearch implements CatalogSearch, Closeable {

    private static final List<String> FACET_FIELDS = List.of(BRAND, CATEGORY, ORIGIN, TRADE_MODE);

    private final LuceneIndexFolder folder;
    /** searches hold it shared; swapping the live index takes it exclusively */
    private final ReentrantReadWriteLock swap = new ReentrantReadWriteLock();
    /** one writer at a time, so a change reaches the live and the rebuilt index in the same order */
    private final Object writes = new Object();
    private volatile LuceneGeneration live;
    private Rebuild rebuild;

    @Inject
    public LuceneCatalogSearch(@Value("${vitrine.search.lucene-dir:./data/search}") Path root) {
        this.folder = new LuceneIndexFolder(root);
        try {
            Path current = folder.current();
            folder.deleteAllBut(current);
            this.live = LuceneGeneration.open(current);
        } catch (IOException e) {
            throw new SearchUnavailableException("cannot open the search index in " + root, e);
        }
    }

    @Override
    public void index(SearchDocument document) {
        indexAll(List.of(document));
    }

    @Override
    public void indexAll(Collection<SearchDocument> documents) {
        List<ProductIndexEntry> entries = documents.stream().map(ProductIndexEntry::of).toList();
        write(generation -> generation.put(entries), entries.stream().map(ProductIndexEntry::id).toList());
    }

    @Override
    public void delete(TenantId tenant, String sku) {
        deleteAll(tenant, List.of(sku));
    }

    /** One commit for all of them (the search feed removes a batch's deleted products at once). */
    @Override
    public void deleteAll(TenantId tenant, Collection<String> skus) {
        List<String> ids = skus.stream().map(sku -> ProductIndexEntry.idOf(tenant, sku)).toList();
        write(generation -> generation.remove(ids), ids);
    }

    private void write(IndexChange change, List<String> ids) {
        synchronized (writes) {
            try {
                change.applyTo(live);
                if (rebuild != null) {
                    rebuild.changedMeanwhile.addAll(ids);
                    change.applyTo(rebuild.generation);
                }
                live.commitAndRefresh();
            } catch (IOException | AlreadyClosedException e) {
                throw new SearchUnavailableException("the search index refused a write", e);
            }
        }
    }

    @Override
    public SearchPage search(TenantId tenant, SearchQuery query) {
        SearchPlan plan = SearchPlan.of(tenant, query);
        return read(searcher -> {
            SearchPage page = null;
            for (Match attempt : plan.attempts()) {
                page = run(searcher, LuceneQueries.of(attempt), plan);
                if (page.total() > 0) {
                    break;
                }
            }
            return page;
        });
    }

    @Override
    public List<String> suggest(TenantId tenant, String prefix, int limit) {
        String typed = SearchPlan.typedPrefix(tenant, prefix, limit);
        if (typed.isEmpty()) {
            return List.of();
        }
        return read(searcher -> {
            // The tenant's products, not a prefix query: the counter keeps only entries starting with the typed
            // text (the prefix condition, by ordinal range), while a prefix query on the shared index would first
            // gather every tenant's documents under every matching entry — for "n" most of the index.
            FacetTally entries = searcher.search(LuceneQueries.of(ProductQueries.ofTenant(tenant)),
                    LuceneSuggestionCounter.manager(typed));
            return SuggestionRanking.completions(entries.all(), limit);
        });
    }

    @Override
    public IndexRebuild beginRebuild() {
        synchronized (writes) {
            if (rebuild != null) {
                throw new ConflictException("a search index rebuild is already running");
            }
            try {
                rebuild = new Rebuild(LuceneGeneration.open(folder.next()));
            } catch (IOException e) {
                throw new SearchUnavailableException("cannot create a new search index", e);
            }
            return rebuild;
        }
    }

    @PreDestroy
    @Override
    public void close() {
        synchronized (writes) {
            if (rebuild != null) {
                rebuild.close();
            }
            swap.writeLock().lock();
            try {
                live.close();
            } catch (IOException e) {
                throw new SearchUnavailableException("cannot close the search index", e);
            } finally {
                swap.writeLock().unlock();
            }
        }
    }

    private SearchPage run(IndexSearcher searcher, Query query, SearchPlan plan) throws IOException {
        SearchQuery q = plan.query();
        int offset = plan.offset();
        // one more than the page: whether anything follows decides the next cursor
        TopFieldCollectorManager top = new TopFieldCollectorManager(sortOf(q.sort()), offset + q.size() + 1,
                plan.after() == null ? null : fieldDoc(plan.after()), Integer.MAX_VALUE);
        Object[] results = searcher.search(query, new MultiCollectorManager(top, LuceneTermCounter.manager(FACET_FIELDS)));
        TopFieldDocs docs = (TopFieldDocs) results[0];
        LuceneTermCounter counts = (LuceneTermCounter) results[1];

        List<SearchHit> items = new ArrayList<>();
        int end = Math.min(docs.scoreDocs.length, offset + q.size());
        for (int i = offset; i < end; i++) {
            items.add(LuceneDocuments.hit(searcher.storedFields().document(docs.scoreDocs[i].doc), plan));
        }
        String nextCursor = docs.scoreDocs.length > end && end > offset
                ? cursorOf((FieldDoc) docs.scoreDocs[end - 1], q.sort()).encode() : null;
        FacetTally categories = counts.tally(CATEGORY);
        return new SearchPage(counts.hits(), items, FacetResults.of(counts.tally(BRAND),
                categories.only(CategoryLevels::isTop), categories.only(p -> CategoryLevels.isBelow(p, q.category())),
                counts.tally(ORIGIN), counts.tally(TRADE_MODE), counts.priceBuckets()), nextCursor);
    }

    private static Sort sortOf(SearchSort sort) {
        SortField sku = new SortField(SKU, SortField.Type.STRING);
        return switch (sort) {
            case RELEVANCE -> new Sort(SortField.FIELD_SCORE, sku);
            case PRICE_ASC -> new Sort(new SortField(PRICE, SortField.Type.LONG), sku);
            case PRICE_DESC -> new Sort(new SortField(PRICE, SortField.Type.LONG, true), sku);
            case NEWEST -> new Sort(new SortField(CREATED, SortField.Type.LONG, true), sku);
        };
    }

    private static FieldDoc fieldDoc(SearchCursor cursor) {
        Object first = cursor.sort() == SearchSort.RELEVANCE ? (Object) cursor.score() : (Object) cursor.value();
        // doc MAX_VALUE: the hit the cursor names (equal on every sort field) counts as already seen
        return new FieldDoc(Integer.MAX_VALUE, cursor.score(), new Object[]{first, new BytesRef(cursor.sku())});
    }

    private static SearchCursor cursorOf(FieldDoc last, SearchSort sort) {
        String sku = ((BytesRef) last.fields[1]).utf8ToString();
        if (sort == SearchSort.RELEVANCE) {
            return new SearchCursor(sort, (Float) last.fields[0], 0, sku);
        }
        return new SearchCursor(sort, 0f, (Long) last.fields[0], sku);
    }

    private <T> T read(SearcherWork<T> work) {
        swap.readLock().lock();
        try {
            LuceneGeneration generation = live;
            IndexSearcher searcher = generation.acquire();
            try {
                return work.apply(searcher);
            } finally {
                generation.release(searcher);
            }
        } catch (IOException | AlreadyClosedException e) {
            throw new SearchUnavailableException("the search index cannot be read", e);
        } finally {
            swap.readLock().unlock();
        }
    }

    @FunctionalInterface
    private interface IndexChange {
        void applyTo(LuceneGeneration generation) throws IOException;
    }

    @FunctionalInterface
    private interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private final class Rebuild implements IndexRebuild {

        private final LuceneGeneration generation;
        /**
         * ids written or deleted through the port since the rebuild began: fresher than the snapshot the
         * rebuild is loading, so the rebuild leaves them alone (a delete is not undone, an update not reverted)
         */
        private final Set<String> changedMeanwhile = new HashSet<>();
        private boolean finished;

        private Rebuild(LuceneGeneration generation) {
            this.generation = generation;
        }

        @Override
        public void indexAll(Collection<SearchDocument> documents) {
            List<ProductIndexEntry> entries = documents.stream().map(ProductIndexEntry::of).toList();
            synchronized (writes) {
                requireOpen();
                try {
                    generation.put(entries.stream().filter(e -> !changedMeanwhile.contains(e.id())).toList());
                } catch (IOException | AlreadyClosedException e) {
                    throw new SearchUnavailableException("the new search index refused a write", e);
                }
            }
        }

        @Override
        public void switchToRebuilt() {
            synchronized (writes) {
                requireOpen();
                LuceneGeneration old = live;
                try {
                    generation.commitAndRefresh();
                    swap.writeLock().lock();
                    try {
                        folder.makeCurrent(generation.path());
                        live = generation;
                    } finally {
                        swap.writeLock().unlock();
                    }
                    finished = true;
                    rebuild = null;
                    old.close();
                    LuceneIndexFolder.delete(old.path());
                } catch (IOException e) {
                    throw new SearchUnavailableException("cannot switch to the rebuilt search index", e);
                }
            }
        }

        @Override
        public void close() {
            synchronized (writes) {
                if (finished) {
                    return;
                }
                finished = true;
                rebuild = null;
                try {
                    generation.close();
                    LuceneIndexFolder.delete(generation.path());
                } catch (IOException e) {
                    throw new SearchUnavailableException("cannot remove an abandoned search index", e);
                }
            }
        }

        private void requireOpen() {
            if (finished) {
                throw new IllegalStateException("this rebuild has already been switched to or abandoned");
            }
        }
    }
}
