package io.vitrine.catalog.search.infra;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
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
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.vitrine.catalog.search.infra.ProductFields.*;

/**
 * Cluster-mode search: one index shared by every tenant behind an alias, documents routed by tenant (a
 * tenant's products live on one shard, its searches ask only that shard) and every query filtered by
 * tenant. Writes are durable in the translog when acknowledged and searchable at the index's next refresh
 * (the refresh interval, 500 ms by default, set explicitly on every index so an idle shard still refreshes). They
 * do not wait for it ({@code refresh=wait_for} held each feed delivery up to a whole interval: about 4 writes a
 * second on the test node), so the feed's bulk writes follow each other at the cluster's pace.
 *
 * <p>Rebuild: a new index under the {@code <alias>-rebuild} alias; every instance sees that alias and
 * writes its changes into both indexes meanwhile. The rebuild only creates documents ({@code op_type
 * create}), so it never overwrites a fresher change; a deletion meanwhile leaves a tombstone there, removed
 * at the switch. The switch is one atomic alias update.
 */
@Singleton
@Requires(property = "vitrine.search.backend", value = "elasticsearch")
public final class ElasticsearchCatalogSearch implements CatalogSearch {

    private static final int TOMBSTONE_BATCH = 1_000;

    private final ElasticsearchClient client;
    /** searches and suggestions: our own JSON both ways ({@link ElasticsearchSearchBody}, {@link ElasticsearchSearchAnswer}) */
    private final RestClient rest;
    private final ElasticsearchIndexes indexes;
    private final int refreshWritesUpTo;
    private volatile boolean liveIndexChecked;

    /** {@code vitrine.search.elasticsearch.refresh-writes-up-to}'s default. */
    public static final int DEFAULT_REFRESH_WRITES_UP_TO = 10;

    /**
     * @param refreshInterval   how soon a write is searchable (writes do not wait for it); with the outbox's dispatch
     *                          after commit it bounds the index's freshness (issue #4: within 1 s of a change)
     * @param refreshWritesUpTo a write of at most this many documents (a product or stock change: the feed's batch
     *                          of one) asks for an immediate refresh of its shard ({@code refresh=true}) instead of
     *                          waiting for the interval; larger ones (imports, reindexing) never do; 0: none does
     */
    @Inject
    public ElasticsearchCatalogSearch(ElasticsearchClient client, RestClient rest,
                                      @Value("${vitrine.search.elasticsearch.index:vitrine-products}") String alias,
                                      @Value("${vitrine.search.elasticsearch.shards:1}") int shards,
                                      @Value("${vitrine.search.elasticsearch.replicas:1}") int replicas,
                                      @Value("${vitrine.search.elasticsearch.refresh-interval:500ms}") String refreshInterval,
                                      @Value("${vitrine.search.elasticsearch.refresh-writes-up-to:" + DEFAULT_REFRESH_WRITES_UP_TO + "}")
                                      int refreshWritesUpTo,
                                      Clock clock) {
        this.client = client;
        this.rest = rest;
        this.indexes = new ElasticsearchIndexes(client, alias, shards, replicas, refreshInterval, clock);
        this.refreshWritesUpTo = Math.max(0, refreshWritesUpTo);
    }

    /** On {@code rest}'s cluster, with a typed client over it for the writes and the index management. */
    public ElasticsearchCatalogSearch(RestClient rest, String alias, int shards, int replicas, String refreshInterval,
                                      int refreshWritesUpTo, Clock clock) {
        this(new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper())), rest, alias, shards,
                replicas, refreshInterval, refreshWritesUpTo, clock);
    }

    public ElasticsearchCatalogSearch(RestClient rest, String alias, int shards, int replicas, String refreshInterval,
                                      Clock clock) {
        this(rest, alias, shards, replicas, refreshInterval, DEFAULT_REFRESH_WRITES_UP_TO, clock);
    }

    public ElasticsearchCatalogSearch(RestClient rest, String alias, int shards, int replicas, Clock clock) {
        this(rest, alias, shards, replicas, "500ms", clock);
    }

    @Override
    public void index(SearchDocument document) {
        indexAll(List.of(document));
    }

    @Override
    public void indexAll(Collection<SearchDocument> documents) {
        if (documents.isEmpty()) {
            return;
        }
        List<ProductIndexEntry> entries = documents.stream().map(ProductIndexEntry::of).toList();
        call("index products", () -> {
            List<BulkOperation> live = new ArrayList<>();
            for (ProductIndexEntry e : entries) {
                live.add(BulkOperation.of(o -> o.index(i -> i.id(e.id()).routing(routing(e)).document(source(e)))));
            }
            bulk(indexes.alias(), live, refreshFor(live.size()), false);
            if (indexes.rebuilding()) {
                bulk(indexes.rebuildAlias(), live, Refresh.False, false);
            }
            return null;
        });
    }

    @Override
    public void delete(TenantId tenant, String sku) {
        deleteAll(tenant, List.of(sku));
    }

    @Override
    public void deleteAll(TenantId tenant, Collection<String> skus) {
        if (skus.isEmpty()) {
            return;
        }
        List<String> ids = skus.stream().map(sku -> ProductIndexEntry.idOf(tenant, sku)).toList();
        call("delete products", () -> {
            List<BulkOperation> deletes = new ArrayList<>();
            for (String id : ids) {
                deletes.add(BulkOperation.of(o -> o.delete(d -> d.id(id).routing(tenant.value()))));
            }
            bulk(indexes.alias(), deletes, refreshFor(deletes.size()), false);
            if (indexes.rebuilding()) {
                List<BulkOperation> tombstones = new ArrayList<>();
                for (String id : ids) {
                    Map<String, Object> tombstone = Map.of(ID, id, ElasticsearchIndexes.TOMBSTONE, "deleted");
                    tombstones.add(BulkOperation.of(o -> o.index(i -> i.id(id).routing(tenant.value()).document(tombstone))));
                }
                bulk(indexes.rebuildAlias(), tombstones, Refresh.False, false);
            }
            return null;
        });
    }

    /**
     * A few documents (a shopper-visible change) are searchable when the write returns, not at the next interval:
     * the refresh of one shard costs the cluster little at the pace of product changes, and saved half an interval
     * on average (benchmarks/results/freshness.md). Bulk loads keep the interval, as refreshing after every
     * batch would cut them into many small segments.
     */
    private Refresh refreshFor(int documents) {
        return documents <= refreshWritesUpTo ? Refresh.True : Refresh.False;
    }

    /** One refresh of the live index (one being rebuilt is refreshed when it is switched to). */
    @Override
    public void refresh() {
        call("refresh the index", () -> {
            client.indices().refresh(r -> r.index(indexes.alias()));
            return null;
        });
    }

    @Override
    public SearchPage search(TenantId tenant, SearchQuery query) {
        SearchPlan plan = SearchPlan.of(tenant, query);
        return call("search", () -> {
            SearchPage page = null;
            for (Match attempt : plan.attempts()) {
                page = run(tenant, attempt, plan);
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
        String body = ElasticsearchSearchBody.suggestions(ProductQueries.suggestions(tenant, typed),
                CategoryLevels.literal(typed) + ".*", SuggestionRanking.CANDIDATES);
        return call("suggest", () -> {
            ElasticsearchSearchAnswer answer = send(searchPath(tenant), body);
            FacetTally entries = tally(answer.buckets(ElasticsearchSearchBody.SUGGEST_AGGREGATION));
            return SuggestionRanking.completions(entries.all(), limit);
        });
    }

    @Override
    public IndexRebuild beginRebuild() {
        return call("begin a rebuild", () -> {
            if (indexes.rebuilding()) {
                throw new ConflictException("a search index rebuild is already running");
            }
            return new Rebuild(indexes.createForRebuild());
        });
    }

    /**
     * The search requests this adapter sends for {@code query}, in the order it sends them (the next one only
     * when the previous found nothing), as {@code POST path} with a JSON body — without sending them. For the
     * benchmarks, which send the same requests straight to Elasticsearch as the floor of our endpoint.
     */
    public List<RawSearchRequest> searchRequests(TenantId tenant, SearchQuery query) {
        SearchPlan plan = SearchPlan.of(tenant, query);
        List<RawSearchRequest> requests = new ArrayList<>();
        for (Match attempt : plan.attempts()) {
            requests.add(new RawSearchRequest(searchPath(tenant), ElasticsearchSearchBody.search(attempt, plan)));
        }
        return requests;
    }

    /** One search request as sent over HTTP: {@code POST path} with {@code body}. */
    public record RawSearchRequest(String path, String body) {
    }

    /** The tenant's shard of the live index: a tenant's products are all routed to one. */
    private String searchPath(TenantId tenant) {
        return "/" + indexes.alias() + "/_search?routing=" + URLEncoder.encode(tenant.value(), StandardCharsets.UTF_8);
    }

    private ElasticsearchSearchAnswer send(String path, String body) throws IOException {
        Request request = new Request("POST", path);
        request.setJsonEntity(body);
        try (InputStream answer = rest.performRequest(request).getEntity().getContent()) {
            return ElasticsearchSearchAnswer.read(answer);
        }
    }

    private SearchPage run(TenantId tenant, Match match, SearchPlan plan) throws IOException {
        SearchQuery q = plan.query();
        ElasticsearchSearchAnswer answer = send(searchPath(tenant), ElasticsearchSearchBody.search(match, plan));
        List<ElasticsearchSearchAnswer.Hit> hits = answer.hits();
        List<SearchHit> items = new ArrayList<>();
        for (int i = 0; i < Math.min(hits.size(), q.size()); i++) {
            items.add(hit(hits.get(i), plan));
        }
        String nextCursor = hits.size() > q.size() ? cursorOf(hits.get(q.size() - 1), q.sort()).encode() : null;
        long[] prices = answer.buckets(ElasticsearchSearchBody.PRICE_FACET).stream()
                .mapToLong(ElasticsearchSearchAnswer.Bucket::count).toArray();
        return new SearchPage(answer.total(), items, FacetResults.of(
                tally(answer.buckets(ElasticsearchSearchBody.BRAND_FACET)),
                tally(answer.buckets(ElasticsearchSearchBody.CATEGORY_FACET)),
                tally(answer.buckets(ElasticsearchSearchBody.SUBCATEGORY_FACET)),
                tally(answer.buckets(ElasticsearchSearchBody.ORIGIN_FACET)),
                tally(answer.buckets(ElasticsearchSearchBody.TRADE_MODE_FACET)), prices), nextCursor);
    }

    private static SearchCursor cursorOf(ElasticsearchSearchAnswer.Hit last, SearchSort sort) {
        List<Object> values = last.sortValues();
        String sku = (String) values.get(1);
        if (sort == SearchSort.RELEVANCE) {
            return new SearchCursor(sort, ((Number) values.get(0)).floatValue(), 0, sku);
        }
        return new SearchCursor(sort, 0f, ((Number) values.get(0)).longValue(), sku);
    }

    private static FacetTally tally(List<ElasticsearchSearchAnswer.Bucket> buckets) {
        FacetTally tally = new FacetTally();
        for (ElasticsearchSearchAnswer.Bucket bucket : buckets) {
            tally.add(bucket.key(), bucket.count());
        }
        return tally;
    }

    private static SearchHit hit(ElasticsearchSearchAnswer.Hit hit, SearchPlan plan) {
        return new SearchHit(hit.first(SKU), hit.first(NAME_ZH), hit.first(NAME_EN), hit.first(BRAND), hit.number(PRICE),
                hit.number(TAX), hit.first(IMAGE_URL), plan.inStock(hit.all(IN_STOCK_AT)));
    }

    private static Map<String, Object> source(ProductIndexEntry entry) {
        Map<String, Object> source = new LinkedHashMap<>(entry.keywords());
        source.putAll(entry.numbers());
        entry.shown().forEach((field, value) -> {
            if (value != null) {
                source.put(field, value);
            }
        });
        return source;
    }

    private static String routing(ProductIndexEntry entry) {
        return entry.keywords().get(TENANT).get(0);
    }

    /**
     * Sends one bulk request. Only a create that finds the document already there may fail (a rebuild
     * skipping what changed meanwhile); any other failed item fails the whole write, to be retried.
     */
    private void bulk(String target, List<BulkOperation> operations, Refresh refresh, boolean createOnly) throws IOException {
        BulkResponse response = client.bulk(BulkRequest.of(b -> b.index(target).refresh(refresh).operations(operations)));
        if (response.errors()) {
            for (BulkResponseItem item : response.items()) {
                if (item.error() != null && !(createOnly && item.status() == 409)) {
                    throw new SearchUnavailableException("Elasticsearch refused " + item.operationType() + " of "
                            + item.id() + ": " + item.error().type() + " " + item.error().reason(), null);
                }
            }
        }
    }

    private <T> T call(String what, EsCall<T> work) {
        try {
            if (!liveIndexChecked) {
                indexes.ensureLive();
                liveIndexChecked = true;
            }
            return work.run();
        } catch (IOException | ElasticsearchException e) {
            throw new SearchUnavailableException("Elasticsearch could not " + what + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (e instanceof SearchUnavailableException || e.getClass().getPackageName().startsWith("io.vitrine")) {
                throw e;
            }
            // transport failures of the client (connection refused, timeouts) are runtime exceptions
            throw new SearchUnavailableException("Elasticsearch could not " + what + ": " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface EsCall<T> {
        T run() throws IOException;
    }

    private final class Rebuild implements IndexRebuild {

        private final String index;
        private boolean finished;

        private Rebuild(String index) {
            this.index = index;
        }

        @Override
        public void indexAll(Collection<SearchDocument> documents) {
            requireOpen();
            if (documents.isEmpty()) {
                return;
            }
            List<ProductIndexEntry> entries = documents.stream().map(ProductIndexEntry::of).toList();
            call("fill the new index", () -> {
                List<BulkOperation> creates = new ArrayList<>();
                for (ProductIndexEntry e : entries) {
                    creates.add(BulkOperation.of(o -> o.create(c -> c.id(e.id()).routing(routing(e)).document(source(e)))));
                }
                bulk(index, creates, Refresh.False, true);
                return null;
            });
        }

        @Override
        public void switchToRebuilt() {
            requireOpen();
            call("switch to the rebuilt index", () -> {
                removeTombstones();
                indexes.switchTo(index);
                finished = true;
                return null;
            });
        }

        @Override
        public void close() {
            if (finished) {
                return;
            }
            finished = true;
            call("remove an abandoned index", () -> {
                indexes.delete(index);
                return null;
            });
        }

        private void removeTombstones() throws IOException {
            client.indices().refresh(r -> r.index(index));
            while (true) {
                SearchResponse<Map> response = client.search(s -> s.index(index).size(TOMBSTONE_BATCH)
                        .query(q -> q.exists(e -> e.field(ElasticsearchIndexes.TOMBSTONE))), Map.class);
                List<Hit<Map>> hits = response.hits().hits();
                if (hits.isEmpty()) {
                    return;
                }
                List<BulkOperation> deletes = new ArrayList<>();
                for (Hit<Map> hit : hits) {
                    String tenant = hit.id().substring(0, hit.id().indexOf('/'));
                    deletes.add(BulkOperation.of(o -> o.delete(d -> d.id(hit.id()).routing(tenant))));
                }
                bulk(index, deletes, Refresh.True, false);
            }
        }

        private void requireOpen() {
            if (finished) {
                throw new IllegalStateException("this rebuild has already been switched to or abandoned");
            }
        }
    }
}
