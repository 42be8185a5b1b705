package io.vitrine.api.pos;

import io.micronaut.json.JsonMapper;
import io.vitrine.api.catalog.CatalogSamples;
import io.vitrine.api.catalog.PositiveListCalls;
import io.vitrine.api.tenants.DevicesApi;
import io.vitrine.api.tenants.DevicesApi.Pos;
import io.vitrine.api.tenants.TenantsApi;
import io.vitrine.api.tenants.TenantsApi.Merchant;
import io.vitrine.api.tenants.TenantsApi.Park;
import io.vitrine.api.testing.Eventually;
import io.vitrine.api.testing.RunningVitrine;
import io.vitrine.pos.feed.ChangeLogRetention;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /pos/v1/catalog/changes} over HTTP with a real signed POS (api.md "POS and kiosk devices"): a new
 * device copies its store's shelf, then sees what the retailer does through the catalog's own endpoints — a price
 * change, a removal from the assortment, a stock count — through the outbox; 304 while nothing changed; gzip; bad
 * cursors; and a device never sees another tenant's catalog.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CatalogChangesSuite {

    private static final String FEED = "/pos/v1/catalog/changes";

    private final RunningVitrine vitrine;
    private final TenantsApi api;
    private final DevicesApi devices;
    private final JsonMapper json;
    private Merchant merchant;
    private String warehouse;

    CatalogChangesSuite(RunningVitrine vitrine) {
        this.vitrine = vitrine;
        this.api = new TenantsApi(vitrine);
        this.devices = new DevicesApi(vitrine);
        this.json = vitrine.bean(JsonMapper.class);
    }

    @BeforeAll
    void aMerchantWithTheFormulaOnThePositiveList() {
        warehouse = "PF-" + CatalogSamples.gtin().substring(6);
        Park park = devices.parkWithWarehouse(warehouse);
        merchant = api.merchant(park);
        api.expect(200, PositiveListCalls.putCsv(api, api.platformAdminToken(),
                "hsCode\n" + CatalogSamples.FORMULA_HS + "\n" + CatalogSamples.COSMETICS_HS + "\n"));
    }

    @Test
    void a_new_pos_copies_its_store_then_sees_price_assortment_and_stock_changes() {
        String store = devices.store(merchant, warehouse, "Feed shop");
        List<String> skus = List.of(product(), product(), product());
        api.expect(200, api.put("/api/v1/stores/" + store + "/assortment", token(), Map.of("skus", skus)));
        api.expect(200, api.put("/api/v1/stock/" + warehouse + "/" + skus.get(0), token(), Map.of("quantity", 8)));
        Pos pos = devices.pos(merchant, store);
        PosCopy copy = new PosCopy(pos);

        copy.eventually(shelf -> shelf.size() == 3 && stock(shelf.get(skus.get(0))) == 8, 2);
        Map<String, Object> first = copy.shelf.get(skus.get(0));
        assertThat(first).containsEntry("op", "UPSERT").containsEntry("priceFen", 29900).containsEntry("taxFen", 2721);
        assertThat(TenantsApi.object(first, "product")).containsEntry("brand", "a2").containsEntry("tradeMode", "1210")
                .containsEntry("nameEn", "A2 infant formula 900g");

        api.expect(200, api.put("/api/v1/products/" + skus.get(1), token(),
                CatalogSamples.with(CatalogSamples.formula(skus.get(1), warehouse), "priceFen", 19900, "gtin", null)));
        api.expect(200, api.put("/api/v1/stores/" + store + "/assortment", token(), Map.of("skus", skus.subList(0, 2))));
        api.expect(201, api.post("/api/v1/stock/" + warehouse + "/" + skus.get(0) + "/adjustments", token(),
                Map.of("delta", -3, "reason", "sold at the counter")));

        copy.eventually(shelf -> !shelf.containsKey(skus.get(2)) && stock(shelf.get(skus.get(0))) == 5
                && ((Number) shelf.get(skus.get(1)).get("priceFen")).longValue() == 19900, 500);
        assertThat(copy.deleted).contains(skus.get(2));
    }

    @Test
    void a_product_whose_hs_code_leaves_the_positive_list_leaves_the_shelf_and_comes_back_with_it() {
        String listed = "hsCode\n" + CatalogSamples.FORMULA_HS + "\n" + CatalogSamples.COSMETICS_HS + "\n";
        String supplements = "2106909090";
        api.expect(200, PositiveListCalls.putCsv(api, api.platformAdminToken(), listed + supplements + "\n"));
        try {
            String store = devices.store(merchant, warehouse, "Eligibility shop");
            String formula = product();
            String supplement = ("PF-" + CatalogSamples.gtin()).toUpperCase(Locale.ROOT);
            api.expect(201, api.post("/api/v1/products", token(),
                    CatalogSamples.with(CatalogSamples.formula(supplement, warehouse), "hsCode", supplements)));
            api.expect(200, api.put("/api/v1/stores/" + store + "/assortment", token(),
                    Map.of("skus", List.of(formula, supplement))));
            PosCopy copy = new PosCopy(devices.pos(merchant, store));
            copy.eventually(shelf -> shelf.containsKey(formula) && shelf.containsKey(supplement), 500);

            api.expect(200, PositiveListCalls.putCsv(api, api.platformAdminToken(), listed));
            copy.eventually(shelf -> !shelf.containsKey(supplement), 500);
            assertThat(copy.deleted).containsOnly(supplement);
            assertThat(copy.shelf).containsKey(formula);

            api.expect(200, PositiveListCalls.putCsv(api, api.platformAdminToken(), listed + supplements + "\n"));
            copy.eventually(shelf -> shelf.containsKey(supplement), 500);
        } finally {
            api.expect(200, PositiveListCalls.putCsv(api, api.platformAdminToken(), listed));
        }
    }

    @Test
    void nothing_changed_answers_304_without_a_body_and_a_change_a_new_etag() {
        String store = devices.store(merchant, warehouse, "Quiet shop");
        String sku = product();
        api.expect(200, api.put("/api/v1/stores/" + store + "/assortment", token(), Map.of("skus", List.of(sku))));
        PosCopy copy = new PosCopy(devices.pos(merchant, store));
        copy.eventually(shelf -> shelf.containsKey(sku), 500);
        String etag = copy.get(copy.cursor).headers().firstValue("ETag").orElseThrow();

        // the store's last events (product, assortment) may still be on their way: follow them until it is quiet
        HttpResponse<byte[]> again = copy.get(copy.cursor, "If-None-Match", etag);
        for (int tries = 0; again.statusCode() == 200 && tries < 50; tries++) {
            copy.eventually(shelf -> true, 500);
            etag = copy.get(copy.cursor).headers().firstValue("ETag").orElseThrow();
            again = copy.get(copy.cursor, "If-None-Match", etag);
        }

        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        String quiet = copy.cursor;
        api.expect(200, api.put("/api/v1/stock/" + warehouse + "/" + sku, token(), Map.of("quantity", 4)));
        copy.eventually(shelf -> stock(shelf.get(sku)) == 4, 500);
        HttpResponse<byte[]> changed = copy.get(quiet, "If-None-Match", etag);
        assertThat(changed.statusCode()).as("the same cursor, a stock change since: a new answer").isEqualTo(200);
        assertThat(changed.headers().firstValue("ETag")).isNotEqualTo(java.util.Optional.of(etag));
    }

    @Test
    void a_large_page_is_gzip_compressed_for_a_client_that_accepts_it() {
        String store = devices.store(merchant, warehouse, "Big shop");
        List<String> skus = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            skus.add(product());
        }
        api.expect(200, api.put("/api/v1/stores/" + store + "/assortment", token(), Map.of("skus", skus)));
        PosCopy copy = new PosCopy(devices.pos(merchant, store));

        HttpResponse<byte[]> zipped = copy.get(null, "Accept-Encoding", "gzip");

        assertThat(zipped.statusCode()).isEqualTo(200);
        assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        Map<String, Object> page = read(gunzip(zipped.body()));
        assertThat((List<?>) page.get("changes")).hasSize(12);
        assertThat(zipped.body().length).isLessThan(gunzip(zipped.body()).length);
    }

    @Test
    void bad_cursors_and_limits_are_400_naming_them_and_a_partner_has_no_feed() {
        String store = devices.store(merchant, warehouse, "Strict shop");
        PosCopy copy = new PosCopy(devices.pos(merchant, store));

        assertThat(problem(copy.get("not-a-cursor"), 400)).contains("cursor");
        assertThat(problem(copy.signed(FEED + "?limit=0"), 400)).contains("limit");
        assertThat(problem(new PosCopy(devices.pos(merchant, null)).get(null), 422)).contains("DEVICE_WITHOUT_STORE");
    }

    @Test
    void a_cursor_older_than_the_pruned_change_log_is_410_cursor_expired_and_the_device_bootstraps_again() {
        String store = devices.store(merchant, warehouse, "Pruned shop");
        String sku = product();
        api.expect(200, api.put("/api/v1/stores/" + store + "/assortment", token(), Map.of("skus", List.of(sku))));
        PosCopy copy = new PosCopy(devices.pos(merchant, store));
        copy.eventually(shelf -> shelf.containsKey(sku), 500);
        String old = copy.cursor;
        api.expect(200, api.put("/api/v1/stock/" + warehouse + "/" + sku, token(), Map.of("quantity", 6)));
        copy.eventually(shelf -> stock(shelf.get(sku)) == 6, 500);

        ChangeLogRetention retention = vitrine.bean(ChangeLogRetention.class);
        retention.prune(java.time.Instant.now().plus(retention.keep()).plusSeconds(5));

        String expired = problem(copy.get(old), 410);
        Map<String, Object> problem = read(expired.getBytes(StandardCharsets.UTF_8));
        assertThat(problem).containsEntry("code", "CURSOR_EXPIRED").containsEntry("status", 410);
        assertThat(problem.toString()).contains("field=cursor");
        PosCopy again = new PosCopy(copy.pos);
        again.eventually(shelf -> stock(shelf.get(sku)) == 6, 500);
    }

    @Test
    void a_device_never_sees_another_tenants_catalog_nor_reads_with_its_cursor() {
        Merchant other = api.merchant(api.park());
        String ours = devices.store(merchant, warehouse, "Our shop");
        String sku = product();
        api.expect(200, api.put("/api/v1/stores/" + ours + "/assortment", token(), Map.of("skus", List.of(sku))));
        PosCopy mine = new PosCopy(devices.pos(merchant, ours));
        mine.eventually(shelf -> shelf.containsKey(sku), 500);
        Park otherPark = devices.parkWithWarehouse(warehouse + "X");
        Merchant stranger = api.merchant(otherPark);
        String theirs = devices.store(stranger, warehouse + "X", "Their shop");
        PosCopy their = new PosCopy(devices.pos(stranger, theirs));

        their.eventually(shelf -> true, 500);

        assertThat(their.shelf).isEmpty();
        assertThat(problem(their.get(mine.cursor), 400)).contains("cursor");
        assertThat(other.slug()).isNotEqualTo(merchant.slug());
    }

    /** A POS's copy of its store's shelf, kept by applying every page of the feed. */
    private final class PosCopy {
        final Pos pos;
        final Map<String, Map<String, Object>> shelf = new LinkedHashMap<>();
        final List<String> deleted = new ArrayList<>();
        String cursor;

        PosCopy(Pos pos) {
            this.pos = pos;
        }

        HttpResponse<byte[]> get(String from, String... headers) {
            String target = FEED + (from == null ? "" : "?cursor=" + URLEncoder.encode(from, StandardCharsets.UTF_8));
            return devices.signedGet(pos, target, headers);
        }

        HttpResponse<byte[]> signed(String target) {
            return devices.signedGet(pos, target);
        }

        /** Reads pages of {@code limit} until the device is up to date and the shelf passes (the shared poll). */
        void eventually(Predicate<Map<String, Map<String, Object>>> done, int limit) {
            Eventually.eventually(Duration.ofSeconds(30), Duration.ofMillis(100),
                    () -> readPage(limit) && done.test(shelf) ? Optional.of(true) : Optional.empty());
        }

        /** One page applied to the copy; true when the device is up to date. */
        @SuppressWarnings("unchecked")
        private boolean readPage(int limit) {
            String target = FEED + "?limit=" + limit
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            HttpResponse<byte[]> response = devices.signedGet(pos, target);
            assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
            Map<String, Object> page = read(response.body());
            for (Map<String, Object> change : (List<Map<String, Object>>) page.get("changes")) {
                String sku = (String) change.get("sku");
                if ("UPSERT".equals(change.get("op"))) {
                    shelf.put(sku, change);
                } else {
                    shelf.remove(sku);
                    deleted.add(sku);
                }
            }
            cursor = (String) page.get("cursor");
            return !(Boolean) page.get("hasMore");
        }
    }

    private String product() {
        String sku = ("PF-" + CatalogSamples.gtin()).toUpperCase(Locale.ROOT);
        api.expect(201, api.post("/api/v1/products", token(), CatalogSamples.formula(sku, warehouse)));
        return sku;
    }

    private String token() {
        return merchant.admin().token();
    }

    private static long stock(Map<String, Object> change) {
        return change == null ? -1 : ((Number) change.get("stock")).longValue();
    }

    private String problem(HttpResponse<byte[]> response, int status) {
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(response.statusCode()).as(body).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        return body;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> read(byte[] body) {
        try {
            return json.readValue(body, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] gunzip(byte[] body) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
