package io.vitrine.api.storefront;

import io.vitrine.api.tenants.TenantsApi;
import io.vitrine.api.testing.OwnVitrine;
import io.vitrine.api.testing.RunningVitrine;
import io.vitrine.kernel.codes.ResidentIdNumber;
import io.vitrine.kernel.money.Money;
import io.vitrine.kernel.tenancy.TenantContext;
import io.vitrine.orders.quota.AnnualQuotas;
import io.vitrine.tools.fakealipay.FakeAlipay;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.vitrine.api.storefront.AlipayShop.newBuyer;
import static io.vitrine.api.storefront.AlipayShop.order;
import static io.vitrine.api.storefront.ShopFixture.A2;
import static io.vitrine.api.storefront.ShopFixture.APTAMIL;
import static io.vitrine.api.storefront.ShopFixture.CREAM;
import static io.vitrine.api.storefront.ShopFixture.VITAMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static io.vitrine.api.testing.Eventually.eventually;

/**
 * Orders over HTTP (api.md "Storefront" orders, the staff's orders, the Alipay notify) in {@link AlipayShop}'s
 * application of its own, whose Alipay gateway is the in-process fake.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrdersHttpTest {

    private AlipayShop shop;
    private FakeAlipay fake;
    private RunningVitrine vitrine;
    private TenantsApi api;

    @BeforeAll
    void aShopPayingThroughTheFake() {
        shop = AlipayShop.start(this::start);
        fake = shop.fake();
        vitrine = shop.vitrine();
        api = shop.api();
    }

    /** Embedded mode (H2, in-process cache); {@link ClusterOrdersHttpTest} runs the same on MariaDB and Redis. */
    RunningVitrine start(Map<String, Object> properties) {
        return OwnVitrine.embedded(properties);
    }

    @AfterAll
    void close() {
        shop.close();
    }

    @Test
    void an_order_is_placed_paid_by_notify_and_read_back_masked() {
        String buyer = newBuyer();
        HttpResponse<String> created = post("orders", order(cart(A2, 1), buyer, "ALIPAY_QR"), "Idempotency-Key",
                "k-" + UUID.randomUUID());
        Map<String, Object> placed = api.expect(201, created);

        assertThat(placed).containsOnlyKeys("orderNo", "orderToken", "status", "amounts", "payment");
        assertThat(placed).containsEntry("status", "PENDING_PAYMENT");
        assertThat(TenantsApi.object(placed, "amounts")).containsEntry("goodsValueFen", 29900)
                .containsEntry("taxFen", 2721).containsEntry("totalFen", 32621).containsEntry("freightFen", 0)
                .containsEntry("insuranceFen", 0).containsEntry("discountFen", 0);
        assertThat(TenantsApi.object(placed, "payment")).containsOnlyKeys("qrCode", "expiresAt");
        String orderNo = (String) placed.get("orderNo");
        String token = (String) placed.get("orderToken");

        FakeAlipay.Payment payment = fake.pay(orderNo);
        assertThat(payment.notifies()).hasSize(1).allMatch(delivery -> delivery.acknowledged());

        Map<String, Object> read = api.expect(200, vitrine.get(path("orders/" + orderNo + "?token=" + token)));
        assertThat(read).containsEntry("status", "PAID");
        Map<String, Object> shownBuyer = TenantsApi.object(read, "buyer");
        assertThat(shownBuyer).containsEntry("idNumber", buyer.substring(0, 4) + "**********" + buyer.substring(14))
                .containsEntry("phone", "138****8000").containsEntry("name", "张*");
        assertThat(TenantsApi.object(read, "consignee")).containsEntry("address", "广东省深圳市南山区****");
        assertThat(vitrine.get(path("orders/" + orderNo)).body()).doesNotContain(buyer);
        assertThat(read.toString()).doesNotContain(buyer).doesNotContain("13800138000");
        api.expectProblem(404, vitrine.get(path("orders/" + orderNo + "?token=" + token + "x")));

        // the notify again (Alipay retries): acknowledged, nothing changes twice
        assertThat(postForm(shop.relayed().get(shop.relayed().size() - 1)).body()).isEqualTo("success");
        Map<String, Object> staffView = api.expect(200, api.get("/api/v1/orders/" + orderNo, shop.token()));
        assertThat(items(staffView, "timeline")).extracting(entry -> entry.get("status"))
                .containsExactly("PENDING_PAYMENT", "PAID");
    }

    @Test
    void a_notify_of_another_amount_leaves_the_order_unpaid_and_raises_one_alert_for_this_shop_only() {
        Map<String, Object> placed = api.expect(201, post("orders", order(cart(A2, 1), newBuyer(), "ALIPAY_QR")));
        String orderNo = (String) placed.get("orderNo");

        fake.faults().wrongAmountInNextNotify(new java.math.BigDecimal("0.01"));
        fake.pay(orderNo);
        assertThat(postForm(shop.relayed().get(shop.relayed().size() - 1)).statusCode()).as("the notify replayed").isEqualTo(200);

        assertThat(api.expect(200, vitrine.get(path("orders/" + orderNo + "?token=" + placed.get("orderToken")))))
                .containsEntry("status", "PENDING_PAYMENT");
        List<Map<String, Object>> alerts = TenantsApi.items(api.expect(200,
                api.get("/api/v1/alerts?kind=PAYMENT_AMOUNT_MISMATCH", shop.token()))).stream()
                .filter(alert -> orderNo.equals(alert.get("subject"))).toList();
        assertThat(alerts).hasSize(1);
        Map<String, Object> alert = alerts.get(0);
        assertThat(alert).containsEntry("severity", "CRITICAL");
        assertThat(alert.get("message")).asString().contains("0.01").contains("326.21").doesNotContain("张三");
        assertThat(TenantsApi.object(alert, "details")).containsEntry("paidFen", "1").containsEntry("orderTotalFen", "32621");
        TenantsApi.Merchant stranger = api.merchant(api.park());
        assertThat(api.expect(200, api.get("/api/v1/alerts", stranger.admin().token()))).containsEntry("total", 0);
        api.expectProblem(404, api.post("/api/v1/alerts/" + alert.get("id") + "/acknowledge", stranger.admin().token(),
                null));

        // the webhook: the first post is answered 503, the outbox retries it after its backoff, delivered once
        Map<String, Object> delivered = eventually(() -> TenantsApi.items(api.expect(200,
                api.get("/api/v1/alerts?kind=PAYMENT_AMOUNT_MISMATCH", shop.token()))).stream()
                .filter(a -> a.get("id").equals(alert.get("id"))
                        && "DELIVERED".equals(TenantsApi.object(a, "webhook").get("status"))).findFirst());
        assertThat(TenantsApi.object(delivered, "webhook")).containsEntry("attempts", 2);
        assertThat(shop.alertPosts()).filteredOn(body -> body.contains("PAYMENT_AMOUNT_MISMATCH")).hasSize(2)
                .allSatisfy(body -> assertThat(body).contains(orderNo));

        Map<String, Object> seen = api.expect(200, api.post("/api/v1/alerts/" + alert.get("id") + "/acknowledge",
                shop.token(), null));
        assertThat(seen.get("acknowledgedAt")).isNotNull();
        Map<String, Object> since = api.expect(200, api.get("/api/v1/alerts?since="
                + java.time.Instant.parse((String) alert.get("occurredAt")).plusSeconds(1), shop.token()));
        assertThat(TenantsApi.items(since)).extracting(a -> a.get("id")).doesNotContain(alert.get("id"));
        assertThat(items(api.expectProblem(400, api.get("/api/v1/alerts?kind=mismatch&since=yesterday",
                shop.token())), "errors")).extracting(e -> e.get("field") + " " + e.get("rule"))
                .containsExactlyInAnyOrder("kind ALERT_KIND_FORM", "since INSTANT");
    }

    @Test
    void a_wap_order_answers_a_redirect_url() {
        Map<String, Object> placed = api.expect(201, post("orders", order(cart(A2, 1), newBuyer(), "ALIPAY_WAP")));
        assertThat(TenantsApi.object(placed, "payment")).containsOnlyKeys("redirectUrl", "expiresAt");
    }

    @Test
    void the_same_key_and_body_answer_the_same_order_and_another_body_is_refused() {
        Map<String, Object> body = order(cart(A2, 1), newBuyer(), "ALIPAY_QR");
        String key = "k-" + UUID.randomUUID();
        Map<String, Object> first = api.expect(201, post("orders", body, "Idempotency-Key", key));
        HttpResponse<String> again = post("orders", body, "Idempotency-Key", key);
        assertThat(api.expect(201, again)).isEqualTo(first);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).isPresent();
        Map<String, Object> other = new HashMap<>(body);
        other.put("payMethod", "ALIPAY_WAP");
        assertThat(api.expectProblem(422, post("orders", other, "Idempotency-Key", key)))
                .containsEntry("code", "IDEMPOTENCY_KEY_REUSED");
        // a double click without a key: the cart is consumed, the second finds none
        api.expectProblem(404, post("orders", body));
    }

    @Test
    void every_refusal_answers_422_with_its_code_and_changes_nothing() {
        Object ordersBefore = api.expect(200, api.get("/api/v1/orders", shop.token())).get("total");
        Object reservedBefore = api.expect(200, api.get("/api/v1/stock/WH-1/" + A2, shop.token())).get("reserved");
        Map<String, Object> noConsent = order(cart(A2, 1), newBuyer(), "ALIPAY_QR");
        noConsent.put("consent", false);
        assertThat(refused(noConsent, "CONSENT_REQUIRED").get("detail")).asString().startsWith("Please");
        // the shopper's language: the kiosk and phone pages send theirs
        Map<String, Object> inChinese = api.expectProblem(422, post("orders", noConsent, "Accept-Language", "zh-CN"));
        assertThat(inChinese).containsEntry("code", "CONSENT_REQUIRED");
        assertThat(inChinese.get("detail")).asString().startsWith("请同意");
        assertThat(items(inChinese, "errors")).extracting(e -> e.get("message")).allSatisfy(message ->
                assertThat(message).asString().containsPattern("\\p{IsHan}"));
        Map<String, Object> badId = order(cart(A2, 1), badCheckCharacter(), "ALIPAY_QR");
        assertThat(items(refused(badId, "INVALID_IDENTITY"), "errors")).extracting(e -> e.get("field"))
                .containsExactly("buyer.idNumber");
        refused(order(cart(CREAM, 1), newBuyer(), "ALIPAY_QR"), "NOT_ON_POSITIVE_LIST");
        refused(order(cart(Map.of(A2, 1, VITAMIN, 1)), newBuyer(), "ALIPAY_QR"), "MIXED_TRADE_MODES");
        refused(order(cart(Map.of(A2, 1, "A2-WH2", 1)), newBuyer(), "ALIPAY_QR"), "MIXED_WAREHOUSES");
        refused(order(cart(A2, 17), newBuyer(), "ALIPAY_QR"), "SINGLE_LIMIT_EXCEEDED");
        refused(order(cart(APTAMIL, 1), newBuyer(), "ALIPAY_QR"), "OUT_OF_STOCK");
        String full = newBuyer();
        TenantContext.runAs(shop.tenant(), () -> vitrine.bean(AnnualQuotas.class)
                .reserve("HOLD-" + UUID.randomUUID(), ResidentIdNumber.parse(full), Instant.now(),
                        Money.parse("25900.00")));
        refused(order(cart(A2, 1), full, "ALIPAY_QR"), "ANNUAL_LIMIT_EXCEEDED");
        assertThat(api.expect(200, api.get("/api/v1/orders", shop.token())).get("total")).isEqualTo(ordersBefore);
        assertThat(api.expect(200, api.get("/api/v1/stock/WH-1/" + A2, shop.token()))).containsEntry("reserved", reservedBefore);
    }

    @Test
    void an_empty_cart_a_line_the_store_stopped_selling_and_missing_stock_are_refused_in_the_shoppers_language() {
        String emptied = cart(A2, 1);
        api.expect(200, api.send("DELETE", path("carts/" + emptied + "/items/" + A2), null, null));
        Map<String, Object> empty = order(emptied, newBuyer(), "ALIPAY_QR");
        assertThat(refused(empty, "EMPTY_CART", "en")).containsEntry("detail",
                "Your cart is empty: please add a product first.");
        assertThat(refused(empty, "EMPTY_CART", "zh-CN")).containsEntry("detail", "购物车是空的，请先添加商品。");

        Map<String, Object> unsold = order(cart("A2-WH2", 1), newBuyer(), "ALIPAY_QR");
        api.expect(200, api.put("/api/v1/stores/S1/assortment", shop.token(),
                Map.of("skus", List.of(A2, APTAMIL, CREAM, VITAMIN))));
        try {
            Map<String, Object> english = refused(unsold, "NOT_IN_ASSORTMENT", "en");
            assertThat(english.get("detail")).asString().startsWith("This store no longer sells product A2-WH2");
            assertThat(items(english, "errors")).extracting(e -> e.get("field") + ":" + e.get("rule"))
                    .containsExactly("items[A2-WH2]:NOT_IN_ASSORTMENT");
            assertThat(refused(unsold, "NOT_IN_ASSORTMENT", "zh-CN"))
                    .containsEntry("detail", "本门店已不再销售商品 A2-WH2，请从购物车中移除。");
        } finally {
            api.expect(200, api.put("/api/v1/stores/S1/assortment", shop.token(),
                    Map.of("skus", List.of(A2, APTAMIL, CREAM, VITAMIN, "A2-WH2"))));
        }

        // stock is decided under the stock rows' lock when the order is recorded: that refusal too
        Map<String, Object> noStock = order(cart(APTAMIL, 1), newBuyer(), "ALIPAY_QR");
        Map<String, Object> english = refused(noStock, "OUT_OF_STOCK", "en");
        assertThat(english).containsEntry("detail", "Product " + APTAMIL + " is no longer in stock in the quantity "
                + "you chose.");
        assertThat(items(english, "errors")).extracting(e -> e.get("field")).containsExactly("items[" + APTAMIL + "]");
        assertThat(refused(noStock, "OUT_OF_STOCK", "zh-CN")).containsEntry("detail", "商品 " + APTAMIL + " 库存不足。");
    }

    @Test
    void bad_input_is_400_with_fields() {
        Map<String, Object> body = order(cart(A2, 1), newBuyer(), null);
        body.put("consignee", Map.of("name", "李四", "phone", "12345", "districtCode", "999999", "address", "x"));
        Map<String, Object> problem = api.expectProblem(400, post("orders", body));
        assertThat(items(problem, "errors")).extracting(e -> e.get("field") + " " + e.get("rule"))
                .containsExactlyInAnyOrder("payMethod REQUIRED", "consignee.phone MOBILE_NUMBER",
                        "consignee.districtCode DISTRICT_CODE");
    }

    @Test
    void a_forged_notify_is_400_and_an_unknown_order_404_and_nothing_changes() {
        Map<String, Object> placed = api.expect(201, post("orders", order(cart(A2, 1), newBuyer(), "ALIPAY_QR")));
        String orderNo = (String) placed.get("orderNo");
        Map<String, String> forged = new HashMap<>(Map.of("out_trade_no", orderNo, "trade_no", "2026113022999",
                "total_amount", "326.21", "trade_status", "TRADE_SUCCESS", "notify_id", "n1", "sign_type", "RSA2",
                "sign", "AAAA"));
        HttpResponse<String> answer = postForm(form(forged));
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        forged.put("out_trade_no", "V2611300000000000");
        assertThat(postForm(form(forged)).statusCode()).isEqualTo(404);
        Map<String, Object> read = api.expect(200, vitrine.get(path("orders/" + orderNo + "?token="
                + placed.get("orderToken"))));
        assertThat(read).containsEntry("status", "PENDING_PAYMENT");
    }

    @Test
    void a_lost_link_is_found_by_phone_and_id_last_six_and_the_lookup_is_rate_limited() {
        String buyer = newBuyer();
        Map<String, Object> placed = api.expect(201, post("orders", order(cart(A2, 1), buyer, "ALIPAY_QR")));
        String orderNo = (String) placed.get("orderNo");

        api.expectProblem(404, post("orders/lookup", Map.of("orderNo", orderNo, "phone", "13800138000",
                "idNumberLast6", "000000")));
        Map<String, Object> found = api.expect(200, post("orders/lookup", Map.of("orderNo", orderNo, "phone",
                "13800138000", "idNumberLast6", buyer.substring(12))));
        String token = (String) found.get("orderToken");
        api.expect(200, vitrine.get(path("orders/" + orderNo + "?token=" + token)));
        api.expectProblem(404, vitrine.get(path("orders/" + orderNo + "?token=" + placed.get("orderToken"))));
        HttpResponse<String> limited = null;
        for (int i = 0; i < 5 && (limited == null || limited.statusCode() != 429); i++) {
            limited = post("orders/lookup", Map.of("orderNo", orderNo, "phone", "13800138000", "idNumberLast6",
                    "111111"));
        }
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void staff_list_and_cancel_a_paid_order_which_is_refunded_and_its_units_back_in_stock() {
        long before = onHand(A2);
        Map<String, Object> placed = api.expect(201, post("orders", order(cart(A2, 1), newBuyer(), "ALIPAY_QR")));
        String orderNo = (String) placed.get("orderNo");
        fake.pay(orderNo);
        assertThat(onHand(A2)).isEqualTo(before - 1);

        Map<String, Object> paid = api.expect(200, api.get("/api/v1/orders?status=PAID&store=S1", shop.token()));
        assertThat(TenantsApi.items(paid)).extracting(row -> row.get("orderNo")).contains(orderNo);
        api.expectProblem(400, api.get("/api/v1/orders?status=LOST", shop.token()));

        Map<String, Object> cancelled = api.expect(200, api.post("/api/v1/orders/" + orderNo + "/cancel",
                shop.token(), Map.of("reason", "out of stock at the counter")));
        assertThat(cancelled).containsEntry("status", "CANCELLED");
        assertThat(TenantsApi.object(cancelled, "payment")).containsEntry("refundedFen", 32621);
        assertThat(fake.trade(orderNo).orElseThrow().refunds()).hasSize(1);
        assertThat(onHand(A2)).isEqualTo(before);
        Map<String, Object> ledger = api.expect(200, api.get("/api/v1/stock/WH-1/" + A2 + "/ledger", shop.token()));
        assertThat(TenantsApi.items(ledger).get(0)).containsEntry("movement", "RETURN").containsEntry("delta", 1)
                .containsEntry("reason", "order " + orderNo + " cancelled");
    }

    @Test
    void an_order_placed_on_a_paired_kiosk_carries_the_kiosk_for_staff_and_not_for_the_shopper() {
        AlipayShop.PairedKiosk kiosk = shop.pairKiosk("S1");
        Map<String, Object> placed = api.expect(201, post("orders", order(cart(A2, 1), newBuyer(), "ALIPAY_QR"),
                "Cookie", kiosk.cookie()));
        String orderNo = (String) placed.get("orderNo");

        assertThat(staffView(orderNo)).containsEntry("deviceKey", kiosk.deviceKey());
        Map<String, Object> shopperView = api.expect(200, vitrine.get(path("orders/" + orderNo + "?token="
                + placed.get("orderToken"))));
        assertThat(shopperView).doesNotContainKey("deviceKey");
        assertThat(shopperView.toString()).doesNotContain(kiosk.deviceKey());
        // a phone (no device cookie) places orders without a device
        assertThat(staffView(shop.placeOrder(A2, 1, "ALIPAY_WAP"))).doesNotContainKey("deviceKey");
    }

    /** A cookie that is no paired kiosk of the order's store is ignored: the shopper's order goes on, without device. */
    @Test
    void a_forged_another_stores_or_revoked_kiosk_cookie_places_the_order_without_a_device() {
        api.expect(201, api.post("/api/v1/stores", shop.token(), Map.of("code", "S2", "name", "Store 2", "kind",
                "CONVENIENCE_STORE", "address", "9 Qianhai Rd", "district", "440305", "warehouseCode", "WH-1")));
        AlipayShop.PairedKiosk otherStores = shop.pairKiosk("S2");
        AlipayShop.PairedKiosk revoked = shop.pairKiosk("S1");
        assertThat(api.send("DELETE", "/api/v1/devices/" + revoked.deviceKey(), shop.token(), null).statusCode())
                .isEqualTo(204);

        for (String cookie : List.of("vitrine_kiosk=" + UUID.randomUUID(), otherStores.cookie(), revoked.cookie())) {
            String orderNo = shop.placeOrder(A2, 1, "ALIPAY_QR", "Cookie", cookie);
            assertThat(staffView(orderNo)).as(cookie).doesNotContainKey("deviceKey");
        }
    }

    // --- helpers

    private Map<String, Object> staffView(String orderNo) {
        return api.expect(200, api.get("/api/v1/orders/" + orderNo, shop.token()));
    }

    private long onHand(String sku) {
        return ((Number) api.expect(200, api.get("/api/v1/stock/WH-1/" + sku, shop.token())).get("onHand")).longValue();
    }

    private Map<String, Object> refused(Map<String, Object> body, String code) {
        Map<String, Object> problem = api.expectProblem(422, post("orders", body));
        assertThat(problem).containsEntry("code", code);
        return problem;
    }

    /** The refusal as a shopper reading {@code language} gets it. */
    private Map<String, Object> refused(Map<String, Object> body, String code, String language) {
        Map<String, Object> problem = api.expectProblem(422, post("orders", body, "Accept-Language", language));
        assertThat(problem).containsEntry("code", code);
        return problem;
    }

    private String cart(String sku, int quantity) {
        return shop.cart(sku, quantity);
    }

    private String cart(Map<String, Integer> lines) {
        return shop.cart(lines);
    }

    private HttpResponse<String> post(String what, Object body, String... headers) {
        return shop.post(what, body, headers);
    }

    private String path(String what) {
        return shop.path(what);
    }

    private HttpResponse<String> postForm(String body) {
        return shop.postNotify(body);
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> parent, String field) {
        return (List<Map<String, Object>>) parent.get(field);
    }

    /** A valid number with another check character. */
    private static String badCheckCharacter() {
        String valid = newBuyer();
        char wrong = valid.charAt(17) == '0' ? '1' : '0';
        return valid.substring(0, 17) + wrong;
    }
}
