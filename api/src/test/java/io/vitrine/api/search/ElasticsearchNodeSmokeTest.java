package io.vitrine.api.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import io.vitrine.kernel.testing.TestServices;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Elasticsearch node launched by {@code ./vitrine test} (tools/es-test-node) really indexes and
 * searches with the client version the application ships (elasticsearch-java via
 * micronaut-elasticsearch). Only core analysis exists on that node: {@code standard} is used here.
 */
class ElasticsearchNodeSmokeTest {

    /** What the smoke indexes; field names match the mapping below. */
    record Product(String sku, String name) {
    }

    private static final String INDEX = TestServices.runId() + "-smoke-products";

    private static RestClientTransport transport;
    private static ElasticsearchClient client;

    @BeforeAll
    static void connect() {
        RestClient restClient = RestClient.builder(HttpHost.create(TestServices.elasticsearchUrl())).build();
        transport = new RestClientTransport(restClient, new JacksonJsonpMapper());
        client = new ElasticsearchClient(transport);
    }

    @AfterAll
    static void deleteIndexAndDisconnect() throws IOException {
        try {
            if (client.indices().exists(e -> e.index(INDEX)).value()) {
                client.indices().delete(d -> d.index(INDEX));
            }
        } finally {
            transport.close();
        }
    }

    @Test
    void cluster_health_of_the_test_node_is_green_or_yellow() throws IOException {
        HealthStatus status = client.cluster().health().status();

        assertThat(status).isIn(HealthStatus.Green, HealthStatus.Yellow);
    }

    @Test
    void indexed_documents_are_found_by_keyword_term_and_by_analysed_match() throws IOException {
        client.indices().create(c -> c.index(INDEX)
                .settings(s -> s.numberOfShards("1").numberOfReplicas("0"))
                .mappings(m -> m
                        .properties("sku", p -> p.keyword(k -> k))
                        .properties("name", p -> p.text(t -> t.analyzer("standard")))));
        List<Product> products = List.of(
                new Product("SKU-1", "Organic Infant Formula Stage 1"),
                new Product("SKU-2", "Organic Green Tea"),
                new Product("SKU-3", "Wool Baby Blanket"));
        for (Product product : products) {
            client.index(i -> i.index(INDEX).id(product.sku()).document(product).refresh(Refresh.True));
        }

        SearchResponse<Product> bySku = client.search(s -> s.index(INDEX)
                .query(q -> q.term(t -> t.field("sku").value("SKU-2"))), Product.class);
        SearchResponse<Product> byWord = client.search(s -> s.index(INDEX)
                .query(q -> q.match(m -> m.field("name").query("organic"))), Product.class);
        SearchResponse<Product> byLowercasedKeyword = client.search(s -> s.index(INDEX)
                .query(q -> q.term(t -> t.field("sku").value("sku-2"))), Product.class);

        assertThat(bySku.hits().hits()).extracting(Hit::source)
                .containsExactly(new Product("SKU-2", "Organic Green Tea"));
        assertThat(byWord.hits().hits()).extracting(Hit::id)
                .containsExactlyInAnyOrder("SKU-1", "SKU-2");
        // keyword fields are not analysed: the exact value only
        assertThat(byLowercasedKeyword.hits().hits()).isEmpty();
    }
}
