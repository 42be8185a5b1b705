package io.vitrine.api.pos;

import io.vitrine.api.tenants.Rows;
import io.vitrine.api.tenants.SampleCodes;
import io.vitrine.api.tenants.TenantsApi;
import io.vitrine.api.tenants.TenantsApi.Merchant;
import io.vitrine.api.testing.EmbeddedVitrine;
import io.vitrine.api.testing.RunningVitrine;
import io.vitrine.tenants.devices.signing.RequestSigner;
import io.vitrine.tenants.devices.signing.RequestSigner.SignatureHeaders;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /pos/v1/events} over HTTP in the embedded application, signed by POS devices really registered through
 * {@code POST /api/v1/devices}: results per event, a resent batch DUPLICATE, a replayed signature 401, malformed 400
 * and oversized 413 problems, a partner 403, two threads posting one batch applying it once, another tenant's device
 * touching nothing of ours; and the staff's store stock and reconciliation (JSON and CSV) reading the outcome.
 */
@ExtendWith(EmbeddedVitrine.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PosEventsHttpTest {

    private static final String EVENTS = "/pos/v1/events";

    private final RunningVitrine vitrine;
    private final TenantsApi api;
    private final RequestSigner signer;
    private final Clock clock;
    private Shop shop;
    private Shop other;

    PosEventsHttpTest(RunningVitrine vitrine) {
        this.vitrine = vitrine;
        this.api = new TenantsApi(vitrine);
        this.clock = vitrine.bean(Clock.class);
        this.signer = new RequestSigner(clock);
    }

    record Device(String key, String secret) {
    }

    /** A merchant with one store, its POS and two products. */
    record Shop(Merchant merchant, String store, Device pos, String sku1, String sku2) {
    }

    @BeforeAll
    void twoShops() {
        TenantsApi.Park park = api.park();
        shop = shop(park);
        other = shop(park);
    }

    @Test
    void a_batch_is_answered_per_event_and_resent_it_is_duplicate_with_the_stock_moved_once() {
        Instant now = now();
        byte[] body = batch(count("c1", now.minusSeconds(3600), shop.sku1(), 12),
                sale("s1", now.minusSeconds(600), shop.sku1(), 2),
                sale("bad", now.minusSeconds(500), shop.sku1(), 0),
                heartbeat("h1", now.minusSeconds(10)));

        List<Map<String, Object>> first = results(api.expect(200, post(shop.pos(), body)));
        List<Map<String, Object>> again = results(api.expect(200, post(shop.pos(), body)));

        assertThat(first).extracting(r -> r.get("eventId") + ":" + r.get("status"))
                .containsExactly("c1:ACCEPTED", "s1:ACCEPTED", "bad:REJECTED", "h1:ACCEPTED");
        assertThat(first.get(2).get("error")).isEqualTo(Map.of("code", "QTY_NOT_POSITIVE", "field", "lines[0].qty",
                "message", "is required: a whole number from 1 to 1000000"));
        assertThat(again).extracting(r -> r.get("eventId") + ":" + r.get("status"))
                .containsExactly("c1:DUPLICATE", "s1:DUPLICATE", "bad:REJECTED", "h1:DUPLICATE");
        assertThat(levels(shop)).containsEntry(shop.sku1(), 10);
        assertThat(TenantsApi.items(api.expect(200, api.get("/api/v1/devices?appVersion=5.1.0",
                shop.merchant().admin().token())))).as("the heartbeat's version, in the fleet listing")
                .extracting(device -> device.get("deviceKey")).containsExactly(shop.pos().key());
    }

    @Test
    void a_replayed_tampered_or_unsigned_request_is_401_and_applies_nothing() {
        byte[] body = batch(sale("replay-1", now().minusSeconds(60), shop.sku2(), 1));
        SignatureHeaders headers = signer.sign(shop.pos().key(), secret(shop.pos()), "POST", EVENTS, body);
        api.expect(200, send(headers, body));

        HttpResponse<String> replayed = send(headers, body); // the same request again: its nonce is used
        HttpResponse<String> tampered = send(headers, batch(sale("replay-2", now().minusSeconds(60), shop.sku2(), 1)));
        HttpResponse<String> unsigned = api.post(EVENTS, null, Map.of("events", List.of()));

        assertThat(replayed.statusCode()).isEqualTo(401);
        assertThat(replayed.headers().firstValue("X-Server-Time")).isPresent();
        assertThat(tampered.statusCode()).isEqualTo(401);
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(Rows.column(vitrine, "SELECT COUNT(*) FROM pos_events WHERE event_id IN ('replay-1', 'replay-2') "
                + "AND device_key = ?", shop.pos().key())).containsExactly("1");
    }

    @Test
    void malformed_json_is_400_and_more_than_500_events_413_as_problems() {
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            tooMany.add(sale("big-" + i, now().minusSeconds(60), shop.sku2(), 1));
        }

        Map<String, Object> malformed = api.expectProblem(400, post(shop.pos(),
                "{\"events\":[{\"eventId\":".getBytes(StandardCharsets.UTF_8)));
        Map<String, Object> oversized = api.expectProblem(413, post(shop.pos(), batch(tooMany)));

        assertThat(malformed.toString()).contains("MALFORMED_JSON");
        assertThat(oversized.get("detail").toString()).contains("500");
        assertThat(Rows.column(vitrine, "SELECT COUNT(*) FROM pos_events WHERE event_id LIKE 'big-%'"))
                .containsExactly("0");
    }

    @Test
    void a_partner_device_may_not_send_events() {
        Map<String, Object> created = api.expect(201, api.post("/api/v1/devices", shop.merchant().admin().token(),
                Map.of("kind", "PARTNER")));
        Device partner = new Device((String) created.get("deviceKey"), (String) created.get("secret"));

        api.expectProblem(403, post(partner, batch(heartbeat("p1", now()))));
    }

    @Test
    void the_same_batch_posted_by_two_threads_at_once_is_applied_once() throws Exception {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            events.add(sale("twin-" + i, now().minusSeconds(300 - i), shop.sku2(), 1));
        }
        byte[] body = batch(events);
        int before = levels(shop).getOrDefault(shop.sku2(), 0);
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Map<String, Object>> all = new ArrayList<>();
        try {
            List<Future<HttpResponse<String>>> posts = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                posts.add(pool.submit(() -> {
                    start.await();
                    return post(shop.pos(), body);
                }));
            }
            for (Future<HttpResponse<String>> post : posts) {
                all.addAll(results(api.expect(200, post.get(60, TimeUnit.SECONDS))));
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(all).filteredOn(r -> "ACCEPTED".equals(r.get("status"))).hasSize(100);
        assertThat(all).filteredOn(r -> "DUPLICATE".equals(r.get("status"))).hasSize(100);
        assertThat(levels(shop)).containsEntry(shop.sku2(), before - 100);
    }

    @Test
    void another_tenants_device_touches_nothing_of_ours_and_its_staff_cannot_read_our_store() {
        Instant now = now();
        int before = levels(shop).getOrDefault(shop.sku1(), 0);

        List<Map<String, Object>> results = results(api.expect(200, post(other.pos(),
                batch(sale("s1", now.minusSeconds(60), shop.sku1(), 5),
                        "{\"eventId\":\"x1\",\"type\":\"HEARTBEAT\",\"occurredAt\":\"" + offset(now)
                                + "\",\"storeCode\":\"" + shop.store() + "\"}"))));

        assertThat(results).extracting(r -> String.valueOf(((Map<?, ?>) r.get("error")).get("code")))
                .containsExactly("UNKNOWN_SKU", "STORE_MISMATCH");
        assertThat(levels(shop).getOrDefault(shop.sku1(), 0)).isEqualTo(before);
        api.expectProblem(404, api.get("/api/v1/stores/" + shop.store() + "/stock-reconciliation",
                other.merchant().admin().token()));
        api.expectProblem(404, api.get("/api/v1/stores/" + shop.store() + "/store-stock",
                other.merchant().admin().token()));
    }

    @Test
    void the_reconciliation_sets_each_count_against_the_previous_count_and_the_movements_between() {
        Shop fresh = shop(api.park());
        Instant now = now();
        api.expect(200, post(fresh.pos(), batch(count("c1", now.minusSeconds(7200), fresh.sku1(), 20),
                sale("s1", now.minusSeconds(5000), fresh.sku1(), 3),
                returned("r1", now.minusSeconds(4000), fresh.sku1(), 1),
                count("c2", now.minusSeconds(3600), fresh.sku1(), 17))));
        String token = fresh.merchant().admin().token();

        Map<String, Object> report = api.expect(200, api.get("/api/v1/stores/" + fresh.store()
                + "/stock-reconciliation", token));
        HttpResponse<String> csv = api.get("/api/v1/stores/" + fresh.store() + "/stock-reconciliation?format=csv",
                token);

        assertThat(TenantsApi.items(report)).extracting(r -> r.get("eventId") + ":" + r.get("expected") + ":"
                + r.get("counted") + ":" + r.get("difference")).containsExactly("c1:null:20:null", "c2:18:17:-1");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.body().lines().toList()).hasSize(3).first().asString()
                .startsWith("sku,countedAt,deviceKey,eventId,previousCountAt,previousCounted,sold,returned,expected");
        assertThat(csv.body().lines().toList().get(2)).contains(fresh.sku1()).endsWith(",3,1,18,17,-1");
        api.expectProblem(400, api.get("/api/v1/stores/" + fresh.store() + "/stock-reconciliation?from=yesterday",
                token));
    }

    // --- helpers

    private Shop shop(TenantsApi.Park park) {
        Merchant merchant = api.merchant(park);
        String warehouse = SampleCodes.unique("PW").toUpperCase();
        api.expect(201, api.post("/api/v1/parks/" + park.slug() + "/warehouses", park.admin().token(),
                Map.of("code", warehouse, "name", "Bonded", "emsNo", "T5349W9", "customsCode", "5349",
                        "areaCode", "5349W", "operatorUscc", SampleCodes.uscc())));
        String store = SampleCodes.unique("P").toUpperCase();
        api.expect(201, api.post("/api/v1/stores", merchant.admin().token(), Map.of("code", store, "name", "Till shop",
                "kind", "CONVENIENCE_STORE", "address", "3 Qianhai Rd", "district", "440305", "warehouseCode", warehouse)));
        Map<String, Object> created = api.expect(201, api.post("/api/v1/devices", merchant.admin().token(),
                Map.of("storeCode", store, "kind", "POS")));
        Device pos = new Device((String) created.get("deviceKey"), (String) created.get("secret"));
        return new Shop(merchant, store, pos, product(merchant, warehouse), product(merchant, warehouse));
    }

    /** A duty-paid product of the merchant, written into the table (the catalog's API is proven elsewhere). */
    private String product(Merchant merchant, String warehouse) {
        String sku = "P-" + UUID.randomUUID().toString().substring(0, 8);
        String now = "2026-11-30 10:00:00.000000";
        Rows.update(vitrine, "INSERT INTO products (id, tenant_id, sku, name_zh, brand, category_path, hs_code, "
                + "origin_country, unit, unit1, qty1_per_unit, gross_weight_kg, net_weight_kg, vat_rate, "
                + "consumption_tax_rate, trade_mode, warehouse_code, price_fen, image_ids, created_at, updated_at) "
                + "VALUES (?, ?, ?, '样品', 'a2', '母婴/奶粉', '1901101000', '601', '122', '035', 0.9, 1.2, 0.9, 0.13, 0, "
                + "'GENERAL', ?, 1000, '', ?, ?)", UUID.randomUUID().toString(), merchant.id(), sku, warehouse, now, now);
        return sku;
    }

    private Map<String, Integer> levels(Shop of) {
        Map<String, Integer> levels = new java.util.HashMap<>();
        TenantsApi.items(api.expect(200, api.get("/api/v1/stores/" + of.store() + "/store-stock",
                of.merchant().admin().token())))
                .forEach(level -> levels.put((String) level.get("sku"), ((Number) level.get("onHand")).intValue()));
        return levels;
    }

    private HttpResponse<String> post(Device device, byte[] body) {
        return send(signer.sign(device.key(), secret(device), "POST", EVENTS, body), body);
    }

    private HttpResponse<String> send(SignatureHeaders headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(vitrine.uri(EVENTS))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.asMap().forEach(request::header);
        return vitrine.send(request.build());
    }

    private static byte[] secret(Device device) {
        return device.secret().getBytes(StandardCharsets.US_ASCII);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> results(Map<String, Object> answer) {
        return (List<Map<String, Object>>) answer.get("results");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private static byte[] batch(String... events) {
        return batch(List.of(events));
    }

    private static byte[] batch(List<String> events) {
        return ("{\"events\":[" + String.join(",", events) + "]}").getBytes(StandardCharsets.UTF_8);
    }

    private static String offset(Instant at) {
        return at.atOffset(ZoneOffset.ofHours(8)).toString();
    }

    private static String sale(String id, Instant at, String sku, int qty) {
        return movement(id, "SALE", at, sku, qty);
    }

    private static String returned(String id, Instant at, String sku, int qty) {
        return movement(id, "RETURN", at, sku, qty);
    }

    private static String movement(String id, String type, Instant at, String sku, int qty) {
        return "{\"eventId\":\"" + id + "\",\"type\":\"" + type + "\",\"occurredAt\":\"" + offset(at)
                + "\",\"receiptNo\":\"R-" + id + "\",\"lines\":[{\"sku\":\"" + sku + "\",\"qty\":" + qty
                + ",\"amountFen\":" + qty * 1000 + "}]}";
    }

    private static String count(String id, Instant at, String sku, int counted) {
        return "{\"eventId\":\"" + id + "\",\"type\":\"STOCK_COUNT\",\"occurredAt\":\"" + offset(at)
                + "\",\"lines\":[{\"sku\":\"" + sku + "\",\"countedQty\":" + counted + "}]}";
    }

    private static String heartbeat(String id, Instant at) {
        return "{\"eventId\":\"" + id + "\",\"type\":\"HEARTBEAT\",\"occurredAt\":\"" + offset(at)
                + "\",\"appVersion\":\"5.1.0\"}";
    }
}
