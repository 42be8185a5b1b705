package io.vitrine.api.catalog;

import io.vitrine.api.tenants.SampleCodes;
import io.vitrine.api.tenants.TenantsApi;
import io.vitrine.api.tenants.TenantsApi.Merchant;
import io.vitrine.api.tenants.TenantsApi.Park;
import io.vitrine.api.testing.RunningVitrine;
import io.vitrine.catalog.search.CatalogSearch;
import io.vitrine.catalog.search.SearchQuery;
import io.vitrine.kernel.tenancy.TenantId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.vitrine.api.catalog.CatalogSamples.formula;
import static io.vitrine.api.catalog.ProductsSuite.fieldRules;
import static io.vitrine.api.catalog.ProductsSuite.number;
import static io.vitrine.api.tenants.TenantsApi.items;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bonded stock and store assortment over HTTP (api.md "Catalog and stock"), run embedded (H2, Lucene) and in
 * cluster mode (MariaDB, Elasticsearch): the calls, their refusals, and the search index following stock going
 * in and out at a warehouse and a store's assortment, through the outbox.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StockAndAssortmentSuite {

    private static final Logger LOG = LoggerFactory.getLogger(StockAndAssortmentSuite.class);

    private final RunningVitrine vitrine;
    private final TenantsApi api;
    private Park park;
    private Merchant merchant;
    private String store;

    StockAndAssortmentSuite(RunningVitrine vitrine) {
        this.vitrine = vitrine;
        this.api = new TenantsApi(vitrine);
    }

    @BeforeAll
    void aMerchantWithAStoreInAParkWithTwoWarehouses() {
        park = api.park();
        for (String code : List.of("WH-1", "WH-2")) {
            api.expect(201, api.post("/api/v1/parks/" + park.slug() + "/warehouses", park.admin().token(),
                    Map.of("code", code, "name", "Bonded " + code, "emsNo", "T5349W9", "customsCode", "5349",
                            "areaCode", "5349W", "operatorUscc", SampleCodes.uscc())));
        }
        merchant = api.merchant(park);
        store = SampleCodes.unique("S").toUpperCase();
        api.expect(201, api.post("/api/v1/stores", token(), Map.of("code", store, "name", "Store", "kind",
                "CONVENIENCE_STORE", "address", "x", "district", "440305", "warehouseCode", "WH-1")));
    }

    @Test
    void a_retailer_admin_counts_adjusts_and_reads_stock_with_its_ledger() {
        String sku = product();

        Map<String, Object> counted = api.expect(200, api.put(stock(sku), token(), Map.of("quantity", 10)));
        Map<String, Object> adjusted = api.expect(201, api.post(stock(sku) + "/adjustments", token(),
                Map.of("delta", -4, "reason", "damaged in transit")));

        assertThat(counted).containsEntry("warehouseCode", "WH-1").containsEntry("sku", sku);
        assertThat(number(counted, "onHand")).isEqualTo(10);
        assertThat(List.of(number(adjusted, "onHand"), number(adjusted, "reserved"), number(adjusted, "available")))
                .containsExactly(6L, 0L, 6L);
        assertThat(number(api.expect(200, api.get(stock(sku), token())), "available")).isEqualTo(6);
        assertThat(items(api.expect(200, api.get("/api/v1/stock?warehouseCode=WH-1&size=200", token()))))
                .extracting(level -> level.get("sku")).contains(sku);
        List<Map<String, Object>> ledger = items(api.expect(200, api.get(stock(sku) + "/ledger", token())));
        assertThat(ledger).extracting(e -> e.get("movement") + " " + e.get("delta") + " -> " + e.get("onHandAfter")
                + " " + e.get("reason")).containsExactly("ADJUSTMENT -4 -> 6 damaged in transit", "COUNT 10 -> 10 stock count");
        assertThat(ledger).extracting(e -> e.get("actorName")).containsOnly(merchant.admin().username());
        Map<String, Object> never = api.expect(200, api.get("/api/v1/stock/WH-2/" + sku, token()));
        assertThat(number(never, "onHand")).isZero();
    }

    @Test
    void a_retried_adjustment_with_its_idempotency_key_moves_stock_once() {
        String sku = product();
        String key = SampleCodes.unique("adjust");
        Map<String, Object> body = Map.of("delta", 5, "reason", "received from the port");

        var first = api.send("POST", stock(sku) + "/adjustments", token(), body, "Idempotency-Key", key);
        var retry = api.send("POST", stock(sku) + "/adjustments", token(), body, "Idempotency-Key", key);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(number(api.expect(200, api.get(stock(sku), token())), "onHand")).isEqualTo(5);
        assertThat(items(api.expect(200, api.get(stock(sku) + "/ledger", token())))).hasSize(1);
    }

    @Test
    void refusals_say_why_and_change_nothing() {
        String sku = product();
        api.expect(200, api.put(stock(sku), token(), Map.of("quantity", 2)));

        Map<String, Object> negative = api.expectProblem(422, api.post(stock(sku) + "/adjustments", token(),
                Map.of("delta", -3, "reason", "sold at the counter")));
        assertThat(negative).containsEntry("code", "STOCK_NEGATIVE");
        assertThat(fieldRules(api.expectProblem(400, api.put(stock(sku), token(), Map.of("quantity", -1)))))
                .containsExactly("quantity:QUANTITY_RANGE");
        assertThat(fieldRules(api.expectProblem(400, api.put(stock(sku), token(), Map.of("quantity", 1.5)))))
                .containsExactly("quantity:WHOLE_NUMBER");
        assertThat(fieldRules(api.expectProblem(400, api.post(stock(sku) + "/adjustments", token(), Map.of("delta", 1)))))
                .containsExactly("reason:REQUIRED");
        api.expectProblem(404, api.put("/api/v1/stock/NO-SUCH-WH/" + sku, token(), Map.of("quantity", 1)));
        api.expectProblem(404, api.put("/api/v1/stock/WH-1/NO-SUCH-SKU", token(), Map.of("quantity", 1)));
        api.expectProblem(403, api.put(stock(sku), park.admin().token(), Map.of("quantity", 1)));
        api.expectProblem(401, api.get(stock(sku), null));

        Map<String, Object> level = api.expect(200, api.get(stock(sku), token()));
        assertThat(number(level, "onHand")).isEqualTo(2);
        assertThat(items(api.expect(200, api.get(stock(sku) + "/ledger", token())))).hasSize(1);
    }

    @Test
    void a_retailer_admin_replaces_a_stores_assortment_and_reads_it_by_page() {
        String first = product();
        String second = product();

        Map<String, Object> replaced = api.expect(200, api.put(assortment(store), token(), Map.of("skus", List.of(second, first))));
        assertThat(replaced).containsEntry("storeCode", store).containsEntry("skuCount", 2).containsEntry("added", 2)
                .containsEntry("removed", 0);
        Map<String, Object> page = api.expect(200, api.get(assortment(store) + "?page=0&size=1", token()));
        assertThat(number(page, "total")).isEqualTo(2);
        assertThat(items(page)).extracting(row -> row.get("sku")).containsExactly(first.compareTo(second) < 0 ? first : second);

        Map<String, Object> refused = api.expectProblem(400, api.put(assortment(store), token(),
                Map.of("skus", List.of(first, "NO-SUCH-SKU"))));
        assertThat(fieldRules(refused)).containsExactly("skus[1]:UNKNOWN_SKU");
        assertThat(refused.toString()).contains("NO-SUCH-SKU");
        assertThat(number(api.expect(200, api.get(assortment(store), token())), "total")).isEqualTo(2);
        api.expectProblem(404, api.put(assortment("NO-SUCH-STORE"), token(), Map.of("skus", List.of(first))));
        api.expectProblem(403, api.put(assortment(store), park.admin().token(), Map.of("skus", List.of())));
    }

    @Test
    void a_replacement_sent_with_the_etag_of_an_older_list_is_refused_with_409_and_changes_nothing() {
        String first = product();
        String second = product();
        String freshStore = SampleCodes.unique("S").toUpperCase();
        api.expect(201, api.post("/api/v1/stores", token(), Map.of("code", freshStore, "name", "Store", "kind",
                "CONVENIENCE_STORE", "address", "x", "district", "440305", "warehouseCode", "WH-1")));
        HttpResponse<String> empty = api.get(assortment(freshStore), token());
        assertThat(empty.headers().firstValue("ETag")).hasValue("\"0\"");

        HttpResponse<String> saved = api.send("PUT", assortment(freshStore), token(), Map.of("skus", List.of(first)),
                "If-Match", "\"0\"");
        assertThat(api.expect(200, saved)).containsEntry("version", 1);
        assertThat(saved.headers().firstValue("ETag")).hasValue("\"1\"");
        // a colleague's tab still holds version 0
        Map<String, Object> stale = api.expectProblem(409, api.send("PUT", assortment(freshStore), token(),
                Map.of("skus", List.of(second)), "If-Match", "\"0\""));
        assertThat(stale.get("detail").toString()).contains("nothing was saved", "version 1");
        assertThat(items(api.expect(200, api.get(assortment(freshStore), token())))).extracting(row -> row.get("sku"))
                .containsExactly(first);
        assertThat(api.get(assortment(freshStore), token()).headers().firstValue("ETag")).hasValue("\"1\"");
        api.expectProblem(400, api.send("PUT", assortment(freshStore), token(), Map.of("skus", List.of(second)),
                "If-Match", "W/\"x\""));
        // without If-Match (as before) the list is replaced whatever its version
        assertThat(api.expect(200, api.put(assortment(freshStore), token(), Map.of("skus", List.of(second)))))
                .containsEntry("version", 2);
    }

    @Test
    void search_follows_stock_at_a_warehouse_and_a_stores_assortment() {
        String sku = product();
        SearchQuery inStockAtWh1 = SearchQuery.builder().q(sku).inStockAtWarehouse("WH-1").build();
        SearchQuery inTheStore = SearchQuery.builder().q(sku).store(store).build();
        awaitCount(SearchQuery.text(sku), 1);
        assertThat(found(inStockAtWh1)).isZero();
        List<Long> millis = new ArrayList<>();

        millis.add(timed(() -> api.expect(200, api.put(stock(sku), token(), Map.of("quantity", 3))), inStockAtWh1, 1));
        assertThat(found(SearchQuery.builder().q(sku).inStockAtWarehouse("WH-2").build())).isZero();
        millis.add(timed(() -> api.expect(201, api.post(stock(sku) + "/adjustments", token(),
                Map.of("delta", -3, "reason", "sold"))), inStockAtWh1, 0));
        millis.add(timed(() -> api.expect(200, api.put(assortment(store), token(), Map.of("skus", List.of(sku)))),
                inTheStore, 1));
        millis.add(timed(() -> api.expect(200, api.put(assortment(store), token(), Map.of("skus", List.of()))),
                inTheStore, 0));

        LOG.info("search freshness ({}): stock in, stock out, assortment in, assortment out searchable after {} ms",
                getClass().getSimpleName(), millis);
    }

    @Test
    void a_product_with_bonded_stock_on_hand_is_not_deleted_and_at_zero_it_leaves_stock_and_assortment() {
        String sku = product();
        String kept = product();
        api.expect(200, api.put(stock(sku), token(), Map.of("quantity", 2)));
        api.expect(200, api.put(assortment(store), token(), Map.of("skus", List.of(sku, kept))));

        Map<String, Object> refused = api.expectProblem(422, api.send("DELETE", "/api/v1/products/" + sku, token(), null));

        assertThat(refused).containsEntry("code", "PRODUCT_HAS_STOCK");
        assertThat(refused.get("detail").toString()).contains("WH-1: 2");
        api.expect(200, api.get("/api/v1/products/" + sku, token()));
        assertThat(number(api.expect(200, api.get(assortment(store), token())), "total")).isEqualTo(2);

        api.expect(201, api.post(stock(sku) + "/adjustments", token(), Map.of("delta", -2, "reason", "returned to the supplier")));
        // indexed before it is deleted: otherwise "no hit" below could be the index not having it yet
        awaitCount(SearchQuery.builder().q(sku).store(store).build(), 1);
        assertThat(api.send("DELETE", "/api/v1/products/" + sku, token(), null).statusCode()).isEqualTo(204);

        assertThat(items(api.expect(200, api.get(assortment(store), token())))).extracting(row -> row.get("sku"))
                .containsExactly(kept);
        assertThat(items(api.expect(200, api.get("/api/v1/stock?warehouseCode=WH-1&size=200", token()))))
                .extracting(level -> level.get("sku")).doesNotContain(sku);
        awaitCount(SearchQuery.builder().q(sku).store(store).build(), 0);
    }

    /** Time from the call to the search showing its effect. */
    private long timed(Runnable call, SearchQuery query, int expected) {
        long started = System.nanoTime();
        call.run();
        awaitCount(query, expected);
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** Waits for the index to show the change; the bound only keeps a broken feed from hanging the build. */
    private void awaitCount(SearchQuery query, long expected) {
        for (int i = 0; i < 400 && found(query) != expected; i++) {
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        assertThat(found(query)).as("hits of %s", query).isEqualTo(expected);
    }

    private long found(SearchQuery query) {
        return vitrine.bean(CatalogSearch.class).search(TenantId.of(merchant.id()), query).total();
    }

    private String product() {
        String sku = SampleCodes.unique("STK").toUpperCase();
        api.expect(201, api.post("/api/v1/products", token(), formula(sku, "WH-1")));
        return sku;
    }

    private static String stock(String sku) {
        return "/api/v1/stock/WH-1/" + sku;
    }

    private static String assortment(String store) {
        return "/api/v1/stores/" + store + "/assortment";
    }

    private String token() {
        return merchant.admin().token();
    }
}
