package io.vitrine.api.storefront;

import io.vitrine.api.catalog.CatalogSamples;
import io.vitrine.api.tenants.TenantsApi;
import io.vitrine.api.testing.PlatformAdmin;
import io.vitrine.api.testing.RunningVitrine;
import io.vitrine.catalog.search.CatalogSearch;
import io.vitrine.catalog.search.SearchHit;
import io.vitrine.catalog.search.SearchQuery;
import io.vitrine.catalog.storefront.EngineGuard;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micronaut.transaction.TransactionOperations;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import static io.vitrine.api.storefront.ShopFixture.A2;
import static io.vitrine.api.storefront.ShopFixture.APTAMIL;
import static io.vitrine.api.storefront.ShopFixture.CREAM;
import static io.vitrine.api.storefront.ShopFixture.VITAMIN;
import static io.vitrine.api.storefront.ShopFixture.skus;
import static io.vitrine.api.storefront.StorefrontSuite.encode;
import static io.vitrine.api.storefront.StorefrontSuite.list;
import static io.vitrine.api.storefront.StorefrontSuite.strings;
import static io.vitrine.api.tenants.TenantsApi.items;
import static io.vitrine.api.tenants.TenantsApi.object;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The storefront when the search engine is down (issue #4 "If the search engine is down..."): a real engine
 * made to fail — the Lucene adapter closed, the network to the Elasticsearch node cut — in an application of
 * this suite's own (breaker opens after 3 failures for 5 s, engine timeout 1 s, 20 searches per address and
 * minute, client address from X-Forwarded-For, outbox giving up after 2 attempts for limited listeners).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DegradedSearchSuite {

    private static final Logger LOG = LoggerFactory.getLogger(DegradedSearchSuite.class);
    private static final String ADDRESS_HEADER = "X-Forwarded-For";

    RunningVitrine vitrine;
    private TenantsApi api;
    private ShopFixture shop;

    /** Starts this suite's application with these properties (and the mode's own). */
    abstract RunningVitrine start(Map<String, Object> properties);

    abstract void breakEngine();

    abstract void repairEngine();

    /** Calls that reached (or tried to reach) the engine so far. */
    abstract int engineCalls();

    abstract void stop();

    @BeforeAll
    void ownApplicationWithAShopAndItsNeighbour() {
        Map<String, Object> properties = new HashMap<>(Map.of(
                "vitrine.storefront.search.failure-threshold", 3,
                "vitrine.storefront.search.open-for", "5s",
                "vitrine.storefront.search.timeout", "1s",
                "vitrine.storefront.search.address-limit.permits", 20,
                "vitrine.storefront.search.address-limit.window", "1m",
                "micronaut.server.client-address-header", ADDRESS_HEADER,
                "vitrine.outbox.max-attempts", 2,
                "vitrine.outbox.initial-backoff", "100ms",
                "vitrine.outbox.max-backoff", "300ms"));
        properties.put("vitrine.admin.username", PlatformAdmin.USERNAME);
        properties.put("vitrine.admin.password", PlatformAdmin.PASSWORD);
        vitrine = start(properties);
        api = new TenantsApi(vitrine);
        shop = new ShopFixture(api);
        new ShopFixture(api); // the same SKUs and names in another shop: never in this shop's answers
    }

    @AfterEach
    void engineBack() {
        repairEngine();
        awaitEngineAnswers();
    }

    @AfterAll
    void stopTheApplication() {
        stop();
    }

    @Test
    void when_the_engine_fails_search_and_suggest_answer_from_the_database_and_say_so() {
        assertThat(search("q=" + encode("奶粉")).headers().firstValue(StorefrontController.DEGRADED)).isEmpty();
        breakEngine();

        long started = System.nanoTime();
        HttpResponse<String> response = search("q=" + encode("奶粉"));
        LOG.info("degraded search ({}): first answer from the database after {} ms", getClass().getSimpleName(),
                (System.nanoTime() - started) / 1_000_000);
        Map<String, Object> found = api.expect(200, response);
        assertThat(response.headers().firstValue(StorefrontController.DEGRADED)).hasValue("database");
        assertThat(found.get("total")).isEqualTo(2);
        assertThat(skus(found)).containsExactly(A2, APTAMIL); // no relevance without the engine: SKU order
        assertThat(items(found).get(0)).containsEntry("priceFen", 29900).containsEntry("taxFen", 2721)
                .containsEntry("priceWithTaxFen", 32621).containsEntry("name", "澳洲 A2 婴儿配方奶粉 900g")
                .containsEntry("inStock", true);
        assertThat(object(found, "facets")).containsOnlyKeys("brand", "category", "subcategory", "origin", "tradeMode", "price")
                .allSatisfy((facet, values) -> assertThat((List<?>) values).as(facet).isEmpty());
        assertThat(found.get("nextCursor")).isNull();

        assertThat(degradedSkus("brand=Aptamil")).containsExactly(APTAMIL);
        assertThat(degradedSkus("category=" + encode("母婴"))).containsExactly(A2, APTAMIL);
        assertThat(degradedSkus("origin=116")).containsExactly(VITAMIN);
        assertThat(degradedSkus("tradeMode=9610")).containsExactly(CREAM);
        assertThat(degradedSkus("priceMinFen=4900&priceMaxFen=25900")).containsExactly(APTAMIL, VITAMIN);
        assertThat(degradedSkus("sort=price_desc")).containsExactly(CREAM, A2, APTAMIL, VITAMIN);
        assertThat(degradedSkus("sort=price_asc&page=1&size=3")).containsExactly(CREAM);
        assertThat(degradedSkus("q=LANC")).containsExactly(CREAM);
        assertThat(degradedSkus("q=" + shop.gtin(VITAMIN))).containsExactly(VITAMIN);
        assertThat(degradedSkus("q=%25")).isEmpty(); // a typed % is a character, not a wildcard
        assertThat(degradedSkus("store=S1")).as("the store's assortment").containsExactly(A2, APTAMIL, CREAM);
        assertThat(degradedSkus("store=S1&inStock=true")).containsExactly(A2);
        assertThat(items(api.expect(200, search("store=S1")))).extracting(i -> i.get("inStock"))
                .containsExactly(true, false, false);
        assertThat(degradedSkus("cursor=anything")).isEmpty(); // an engine cursor: the list ends while degraded

        HttpResponse<String> suggested = get("suggest?q=apt");
        assertThat(suggested.headers().firstValue(StorefrontController.DEGRADED)).hasValue("database");
        assertThat(strings(api.expect(200, suggested))).containsExactly("Aptamil", "德国 爱他美 婴儿奶粉 800g");
        assertThat(api.expect(200, get("products/" + A2))).containsEntry("priceFen", 29900); // detail needs no engine
    }

    @Test
    void the_breaker_stops_calling_a_dead_engine_and_tries_it_again_later() {
        breakEngine();
        int before = engineCalls();
        for (int i = 0; i < 3; i++) {
            degradedSkus("q=" + encode("奶粉"));
        }
        assertThat(engineCalls()).as("the first failures reach the engine").isGreaterThan(before);
        assertThat(vitrine.bean(EngineGuard.class).isOpen()).isTrue();

        int whenOpened = engineCalls();
        for (int i = 0; i < 5; i++) {
            degradedSkus("q=" + encode("奶粉"));
        }
        assertThat(engineCalls()).as("an open breaker leaves the engine alone").isEqualTo(whenOpened);

        repairEngine();
        awaitEngineAnswers();
        HttpResponse<String> healthy = search("q=" + encode("奶粉"));
        assertThat(healthy.headers().firstValue(StorefrontController.DEGRADED)).isEmpty();
        assertThat(list(object(api.json(healthy), "facets"), "brand")).isNotEmpty();
    }

    @Test
    void a_change_made_while_the_engine_is_down_reaches_the_index_when_it_is_back() {
        breakEngine();
        api.expect(200, api.put("/api/v1/products/" + A2, shop.token(),
                CatalogSamples.with(shop.products.get(A2), "priceFen", 27700)));
        Delivery failing = awaitDelivery(d -> d.attempts() > 2);
        assertThat(failing.status()).as("past max-attempts (2) and still waiting").isEqualTo("PENDING");

        repairEngine();
        awaitInIndex(A2, hit -> hit.priceFen() == 27700);
        assertThat(awaitDelivery(d -> d.status().equals("DONE")).status()).isEqualTo("DONE");

        api.expect(200, api.put("/api/v1/products/" + A2, shop.token(), shop.products.get(A2)));
        awaitInIndex(A2, hit -> hit.priceFen() == 29900);
    }

    @Test
    void searches_from_one_address_beyond_its_limit_are_refused_with_retry_after() {
        String address = "198.51.100." + ThreadLocalRandom.current().nextInt(1, 255);
        for (int i = 0; i < 20; i++) {
            assertThat(vitrine.get(path(i % 2 == 0 ? "search?q=a2" : "suggest?q=a"), ADDRESS_HEADER, address)
                    .statusCode()).isEqualTo(200);
        }
        HttpResponse<String> refused = vitrine.get(path("search?q=a2"), ADDRESS_HEADER, address);
        api.expectProblem(429, refused);
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        assertThat(search("q=a2").statusCode()).as("another address").isEqualTo(200);
        assertThat(vitrine.get(path("products/" + A2), ADDRESS_HEADER, address).statusCode())
                .as("product pages are not limited").isEqualTo(200);
    }

    /** The engine is tried again after the breaker's 5 s; the bound only stops an engine that never returns. */
    void awaitEngineAnswers() {
        for (int i = 0; i < 1_600; i++) {
            if (search("q=a2").headers().firstValue(StorefrontController.DEGRADED).isEmpty()) {
                return;
            }
            ShopFixture.pause();
        }
        throw new AssertionError("the storefront never used the engine again");
    }

    List<String> degradedSkus(String query) {
        HttpResponse<String> response = search(query);
        assertThat(response.headers().firstValue(StorefrontController.DEGRADED)).as(query).hasValue("database");
        return skus(api.expect(200, response));
    }

    HttpResponse<String> search(String query) {
        return get("search?" + query);
    }

    /** Each from an address of its own, so only the limit test meets the limit. */
    HttpResponse<String> get(String relative) {
        return vitrine.get(path(relative), ADDRESS_HEADER, "203.0.113." + ThreadLocalRandom.current().nextInt(1, 255)
                + ", 10.0.0." + ThreadLocalRandom.current().nextInt(1, 255));
    }

    private String path(String relative) {
        return "/s/" + shop.slug() + "/api/" + relative;
    }

    private Optional<SearchHit> hit(String sku) {
        try {
            return vitrine.bean(CatalogSearch.class).search(shop.tenant(), SearchQuery.text(sku)).items().stream()
                    .filter(h -> h.sku().equals(sku)).findFirst();
        } catch (RuntimeException engineStillDown) {
            return Optional.empty();
        }
    }

    private void awaitInIndex(String sku, java.util.function.Predicate<SearchHit> state) {
        for (int i = 0; i < 400 && hit(sku).filter(state).isEmpty(); i++) {
            ShopFixture.pause();
        }
        assertThat(hit(sku)).hasValueSatisfying(h -> assertThat(state).accepts(h));
    }

    record Delivery(String status, int attempts) {
    }

    /** The search feed's delivery of the shop's latest product change, once it matches. */
    private Delivery awaitDelivery(java.util.function.Predicate<Delivery> wanted) {
        Delivery delivery = null;
        for (int i = 0; i < 400; i++) {
            delivery = latestSearchFeedDelivery();
            if (delivery != null && wanted.test(delivery)) {
                return delivery;
            }
            ShopFixture.pause();
        }
        throw new AssertionError("the search feed's delivery never got there: " + delivery);
    }

    @SuppressWarnings("unchecked")
    private Delivery latestSearchFeedDelivery() {
        TransactionOperations<Connection> transactions = vitrine.bean(TransactionOperations.class);
        return transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement(
                    "SELECT d.status, d.attempts FROM outbox_deliveries d JOIN outbox_events e ON e.id = d.event_id "
                            + "WHERE d.listener = 'catalog.search-index' AND e.tenant_id = ? "
                            + "ORDER BY e.occurred_at DESC, e.id DESC LIMIT 1")) {
                select.setString(1, shop.tenant().value());
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? new Delivery(row.getString(1), row.getInt(2)) : null;
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
