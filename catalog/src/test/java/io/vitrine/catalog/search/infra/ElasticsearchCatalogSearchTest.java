package io.vitrine.catalog.search.infra;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import io.vitrine.catalog.search.CatalogSearch;
import io.vitrine.catalog.search.CatalogSearchContract;
import io.vitrine.catalog.search.SearchDocument;
import io.vitrine.catalog.search.SearchFixture;
import io.vitrine.catalog.search.SearchHit;
import io.vitrine.catalog.search.SearchPage;
import io.vitrine.catalog.search.SearchQuery;
import io.vitrine.catalog.search.SearchSort;
import io.vitrine.catalog.search.SearchUnavailableException;
import io.vitrine.kernel.testing.TestServices;
import org.apache.http.HttpHost;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract on the Elasticsearch adapter, against the real node of {@code TestServices.elasticsearchUrl()}
 * (no plugins, no analysis-common); every index is named after the test run and removed afterwards.
 */
class ElasticsearchCatalogSearchTest extends CatalogSearchContract {

    private final RestClient rest = RestClient.builder(HttpHost.create(TestServices.elasticsearchUrl())).build();
    private final ElasticsearchClient client = new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper()));
    private final Map<CatalogSearch, String> aliases = new HashMap<>();

    @Override
    protected CatalogSearch openSearch(String name) {
        String alias = TestServices.runId() + "-search-" + name;
        CatalogSearch search = new ElasticsearchCatalogSearch(rest, alias, 1, 0, Clock.systemUTC());
        aliases.put(search, alias);
        return search;
    }

    @Override
    protected void discard(CatalogSearch search) {
        String alias = aliases.remove(search);
        try {
            Set<String> indices = client.indices().get(g -> g.index(alias + "*")).result().keySet();
            for (String index : indices) {
                client.indices().delete(d -> d.index(index));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    void closeClient() throws IOException {
        // runs before the contract's own @AfterAll: keep the client for it, close it when the JVM ends
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                rest.close();
            } catch (IOException ignored) {
                // the JVM is ending
            }
        }));
    }

    @Test
    void an_unreachable_cluster_is_reported_as_search_unavailable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (RestClient nowhere = RestClient.builder(new HttpHost("127.0.0.1", closedPort)).build()) {
            ElasticsearchCatalogSearch down = new ElasticsearchCatalogSearch(nowhere,
                    TestServices.runId() + "-search-down", 1, 0, Clock.systemUTC());
            assertThatThrownBy(() -> down.search(SearchFixture.A, SearchQuery.text("奶粉")))
                    .isInstanceOf(SearchUnavailableException.class);
            assertThatThrownBy(() -> down.index(SearchFixture.shopA().get(0)))
                    .isInstanceOf(SearchUnavailableException.class);
        }
    }

    @Test
    void the_search_requests_it_exposes_find_what_its_search_finds_when_sent_as_they_are() throws IOException {
        String alias = TestServices.runId() + "-search-fixture";
        ElasticsearchCatalogSearch fixture = new ElasticsearchCatalogSearch(rest, alias, 1, 0, Clock.systemUTC());
        SearchQuery query = SearchQuery.builder().q("奶粉").sort(SearchSort.PRICE_DESC).size(3).build();

        List<ElasticsearchCatalogSearch.RawSearchRequest> requests = fixture.searchRequests(SearchFixture.A, query);
        Request request = new Request("POST", requests.get(0).path());
        request.setJsonEntity(requests.get(0).body());
        JsonNode hits = new ObjectMapper().readTree(rest.performRequest(request).getEntity().getContent()).get("hits");

        SearchPage page = fixture.search(SearchFixture.A, query);
        assertThat(hits.get("total").get("value").asLong()).isEqualTo(page.total()).isPositive();
        List<String> rawSkus = new ArrayList<>();
        hits.get("hits").forEach(h -> rawSkus.add(h.get("_source").get("sku").get(0).asText()));
        assertThat(rawSkus.subList(0, 3)).isEqualTo(page.items().stream().map(SearchHit::sku).toList());
    }

    /**
     * Writes do not wait for a refresh (the search feed's bulk writes would each wait up to an interval): the live
     * index refreshes on its own, its interval set explicitly (so a search-idle shard is not left unrefreshed), and
     * a write becomes searchable with no refresh asked for (here with no write small enough to ask for one).
     */
    @Test
    void a_write_becomes_searchable_at_the_live_index_refresh_interval_without_a_refresh_asked_for()
            throws IOException, InterruptedException {
        String alias = TestServices.runId() + "-search-interval";
        ElasticsearchCatalogSearch own = new ElasticsearchCatalogSearch(rest, alias, 1, 0, "300ms", 0, Clock.systemUTC());
        try {
            SearchDocument milk = SearchFixture.shopA().get(0);
            own.index(milk);

            var settings = client.indices().getSettings(g -> g.index(alias)).result();
            assertThat(settings).hasSize(1);
            assertThat(settings.values().iterator().next().settings().index().refreshInterval().time()).isEqualTo("300ms");
            boolean found = false;
            for (int poll = 0; poll < 300 && !found; poll++) { // a hang guard of about 30 s, not a timing assertion
                found = own.search(milk.tenant(), SearchQuery.text(milk.sku())).total() == 1;
                if (!found) {
                    Thread.sleep(100);
                }
            }
            assertThat(found).as("searchable without an explicit refresh").isTrue();
        } finally {
            for (String index : client.indices().get(g -> g.index(alias + "*")).result().keySet()) {
                client.indices().delete(d -> d.index(index));
            }
        }
    }

    /**
     * A product or stock change (the feed writes its one document) is searchable as soon as the write returns, not
     * at the next refresh interval (issue #4 "Freshness"); a bulk write larger than
     * {@code refresh-writes-up-to} (an import's batch) waits for the interval. The interval here is an hour, so
     * only the immediate refresh can make the first write searchable.
     */
    @Test
    void a_small_write_is_searchable_when_it_returns_and_a_large_one_waits_for_the_interval() throws IOException {
        String alias = TestServices.runId() + "-search-small-writes";
        ElasticsearchCatalogSearch own = new ElasticsearchCatalogSearch(rest, alias, 1, 0, "1h", 3, Clock.systemUTC());
        try {
            List<SearchDocument> shop = SearchFixture.shopA();
            assertThat(shop).hasSizeGreaterThan(4);
            SearchDocument first = shop.get(0);
            own.indexAll(List.of(first));
            assertThat(own.search(first.tenant(), SearchQuery.text(first.sku())).total()).isEqualTo(1);

            List<SearchDocument> large = shop.subList(1, 5); // 4 > 3
            own.indexAll(large);
            assertThat(own.search(first.tenant(), SearchQuery.text(large.get(0).sku())).total())
                    .as("a large write waits for the interval").isZero();

            own.deleteAll(first.tenant(), List.of(first.sku()));
            assertThat(own.search(first.tenant(), SearchQuery.text(first.sku())).total()).isZero();
            // that small delete refreshed the shard: the large write shows too
            assertThat(own.search(first.tenant(), SearchQuery.text(large.get(0).sku())).total()).isEqualTo(1);
        } finally {
            for (String index : client.indices().get(g -> g.index(alias + "*")).result().keySet()) {
                client.indices().delete(d -> d.index(index));
            }
        }
    }

    @Test
    void documents_are_routed_by_tenant() throws IOException {
        String alias = TestServices.runId() + "-search-fixture";
        var response = client.get(g -> g.index(alias).id("shop-a/A-MILK-01").routing("shop-a"), Map.class);
        assertThat(response.found()).isTrue();
        assertThat(response.routing()).isEqualTo("shop-a");
    }
}
