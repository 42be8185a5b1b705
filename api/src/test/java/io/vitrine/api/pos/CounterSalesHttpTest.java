package io.vitrine.api.pos;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vitrine.api.storefront.AlipayShop;
import io.vitrine.api.tenants.SampleCodes;
import io.vitrine.api.tenants.TenantsApi;
import io.vitrine.api.testing.RunningVitrine;
import io.vitrine.kernel.codes.ResidentIdNumber;
import io.vitrine.kernel.money.Money;
import io.vitrine.kernel.tenancy.TenantContext;
import io.vitrine.orders.quota.AnnualQuotas;
import io.vitrine.tenants.devices.signing.RequestSigner;
import io.vitrine.tools.fakealipay.RsaKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.vitrine.api.storefront.AlipayShop.FORMULA;
import static io.vitrine.api.storefront.AlipayShop.newBuyer;
import static io.vitrine.api.tenants.TenantsApi.object;
import static org.assertj.core.api.Assertions.assertThat;
import static io.vitrine.api.testing.Eventually.eventually;

/**
 * Counter sales over HTTP (api.md "POS and kiosk devices": {@code POST /pos/v1/orders}, {@code POST
 * /pos/v1/orders/{orderNo}/barcode-payment}, {@code GET /pos/v1/orders/{orderNo}}) by a real POS registered at the
 * shop's store S1 and signing every request, in {@link AlipayShop}'s embedded application: the fake Alipay gateway
 * (its buyers by payment code: 28… pays at once, 25… confirms in the app, 26… has too little money), its notifies
 * reaching the real notify endpoint; the last test gives the shop its customs codes, so its order is declared through
 * the built-in simulator.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CounterSalesHttpTest {

    private static final String PAYS_AT_ONCE = "281234567890123456";
    private static final String CONFIRMS_IN_APP = "251234567890123456";
    private static final String BALANCE_TOO_LOW = "261234567890123456";
    private static final ObjectMapper JSON = new ObjectMapper();

    private AlipayShop shop;
    private RunningVitrine vitrine;
    private TenantsApi api;
    private RequestSigner signer;
    private Pos pos;

    record Pos(String key, String secret) {
    }

    @BeforeAll
    void aShopWithAPosAtS1() {
        shop = AlipayShop.start();
        vitrine = shop.vitrine();
        api = shop.api();
        signer = new RequestSigner(vitrine.bean(Clock.class));
        pos = register(shop.token(), "S1", "POS");
    }

    @AfterAll
    void close() {
        shop.close();
    }

    @Test
    void a_qr_sale_shows_the_qr_code_and_the_shoppers_payment_marks_it_paid() {
        Map<String, Object> placed = api.expect(201, place(sale("ALIPAY_QR", newBuyer(), 1), key()));

        String orderNo = (String) placed.get("orderNo");
        assertThat(placed).containsEntry("status", "PENDING_PAYMENT").containsKey("orderToken");
        assertThat(object(placed, "payment")).containsEntry("method", "ALIPAY_QR").containsKey("expiresAt");
        assertThat((String) object(placed, "payment").get("qrCode")).startsWith(shop.fake().baseUrl().toString())
                .contains(orderNo);
        assertThat(object(placed, "amounts")).containsEntry("goodsValueFen", 29900);

        shop.pay(orderNo);

        Map<String, Object> read = api.expect(200, read(pos, orderNo));
        assertThat(read).containsEntry("orderNo", orderNo).containsEntry("status", "PAID")
                .containsEntry("storeCode", "S1").containsEntry("deviceKey", pos.key());
        assertThat(object(read, "payment")).containsEntry("method", "ALIPAY_QR").containsKey("paidAt");
        assertThat(items(read, "lines")).singleElement().satisfies(line -> assertThat(line)
                .containsEntry("sku", FORMULA).containsEntry("qty", 1));
        assertThat(object(read, "buyer").get("idNumber")).asString().contains("*");
        assertThat(items(read, "returns")).isEmpty();
    }

    @Test
    void a_scanned_code_that_pays_at_once_marks_the_order_paid_once_even_with_the_notify() {
        String orderNo = placeBarcodeSale();

        Map<String, Object> charged = api.expect(200, scan(pos, orderNo, PAYS_AT_ONCE, key()));

        assertThat(charged).containsEntry("orderNo", orderNo).containsEntry("status", "PAID")
                .containsEntry("payment", "PAID")
                .containsEntry("tradeNo", shop.fake().trade(orderNo).orElseThrow().tradeNo());
        eventually(() -> notifyAcknowledged(orderNo) ? Optional.of(true) : Optional.empty());
        Map<String, Object> read = api.expect(200, read(pos, orderNo));
        assertThat(read).containsEntry("status", "PAID");
        assertThat(object(read, "payment")).containsEntry("method", "ALIPAY_BARCODE");
        assertThat(items(read, "timeline")).filteredOn(entry -> "PAID".equals(entry.get("status"))
                && "PENDING_PAYMENT".equals(entry.get("from"))).as("one payment, though both trade.pay and the notify said so").hasSize(1);
    }

    @Test
    void a_shopper_who_confirms_in_the_app_is_paying_until_the_pos_reads_the_order_again() {
        String orderNo = placeBarcodeSale();

        Map<String, Object> paying = api.expect(202, scan(pos, orderNo, CONFIRMS_IN_APP, key()));
        assertThat(paying).containsEntry("payment", "PAYING").containsEntry("status", "PENDING_PAYMENT");
        assertThat(api.expect(200, read(pos, orderNo))).containsEntry("status", "PENDING_PAYMENT");

        shop.fake().faults().dropNextNotifies(1); // only the POS's polling can find the confirmation
        shop.fake().pay(orderNo); // the shopper confirms in their app

        assertThat(api.expect(200, read(pos, orderNo))).containsEntry("status", "PAID");
        assertThat(api.expect(200, api.get("/api/v1/orders/" + orderNo, shop.token())))
                .containsEntry("status", "PAID");
    }

    @Test
    void a_refused_or_malformed_code_leaves_the_order_unpaid_and_another_code_pays_it() {
        String orderNo = placeBarcodeSale();

        Map<String, Object> refused = api.expectProblem(422, scan(pos, orderNo, BALANCE_TOO_LOW, key()));
        assertThat(refused).containsEntry("code", "ALIPAY_ACQ_BUYER_BALANCE_NOT_ENOUGH");
        Map<String, Object> malformed = api.expectProblem(400, scan(pos, orderNo, "28-12-34", key()));
        assertThat(items(malformed, "errors")).singleElement().satisfies(error -> assertThat(error)
                .containsEntry("field", "authCode"));
        assertThat(api.expectProblem(400, scan(pos, orderNo, null, key())).toString()).contains("authCode");
        assertThat(api.expect(200, read(pos, orderNo))).containsEntry("status", "PENDING_PAYMENT");
        assertThat(shop.fake().trade(orderNo)).isEmpty();

        assertThat(api.expect(200, scan(pos, orderNo, PAYS_AT_ONCE, key()))).containsEntry("payment", "PAID");
    }

    @Test
    void the_same_idempotency_key_answers_the_same_order_and_charges_the_code_once() {
        long ordersBefore = ordersOfTheShop();
        Map<String, Object> sale = sale("BARCODE", newBuyer(), 1);
        String placing = key();

        Map<String, Object> first = api.expect(201, place(sale, placing));
        HttpResponse<String> retried = place(sale, placing);
        assertThat(api.expect(201, retried)).isEqualTo(first);
        assertThat(retried.headers().firstValue("Idempotent-Replayed")).isPresent();
        assertThat(ordersOfTheShop()).isEqualTo(ordersBefore + 1);
        assertThat(api.expectProblem(400, place(sale, null)).toString()).contains("Idempotency-Key");

        String orderNo = (String) first.get("orderNo");
        String paying = key();
        Map<String, Object> charged = api.expect(200, scan(pos, orderNo, PAYS_AT_ONCE, paying));
        HttpResponse<String> again = scan(pos, orderNo, PAYS_AT_ONCE, paying);
        assertThat(api.expect(200, again)).isEqualTo(charged);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).isPresent();
        // a new key for the paid order: answered from the order, Alipay not asked again
        assertThat(api.expect(200, scan(pos, orderNo, PAYS_AT_ONCE, key()))).containsEntry("payment", "PAID");
        assertThat(tradePayCalls(orderNo)).isEqualTo(1);
        assertThat(api.expectProblem(400, scan(pos, orderNo, PAYS_AT_ONCE, null)).toString())
                .contains("Idempotency-Key");
    }

    @Test
    void identity_limits_and_bad_lines_are_refused_as_at_the_kiosk_and_nothing_is_ordered() {
        long ordersBefore = ordersOfTheShop();
        String valid = newBuyer();
        String badCheck = valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0');

        Map<String, Object> badId = api.expectProblem(422, place(sale("BARCODE", badCheck, 1), key()));
        assertThat(badId).containsEntry("code", "INVALID_IDENTITY");
        assertThat(items(badId, "errors")).extracting(e -> e.get("field")).containsExactly("buyer.idNumber");
        assertThat(api.expectProblem(422, place(sale("ALIPAY_QR", newBuyer(), 17), key())))
                .containsEntry("code", "SINGLE_LIMIT_EXCEEDED");
        String full = newBuyer();
        TenantContext.runAs(shop.tenant(), () -> vitrine.bean(AnnualQuotas.class).reserve("HOLD-" + UUID.randomUUID(),
                ResidentIdNumber.parse(full), Instant.now(), Money.parse("25900.00")));
        assertThat(api.expectProblem(422, place(sale("BARCODE", full, 1), key())))
                .containsEntry("code", "ANNUAL_LIMIT_EXCEEDED");
        Map<String, Object> noConsent = sale("BARCODE", newBuyer(), 1);
        noConsent.put("consent", false);
        assertThat(api.expectProblem(422, place(noConsent, key()))).containsEntry("code", "CONSENT_REQUIRED");

        Map<String, Object> badForm = sale("ALIPAY_WAP", newBuyer(), 0);
        assertThat(items(api.expectProblem(400, place(badForm, key())), "errors")).extracting(e -> e.get("field"))
                .containsExactlyInAnyOrder("payment", "lines[0].qty");
        Map<String, Object> noLines = sale("BARCODE", newBuyer(), 1);
        noLines.remove("lines");
        assertThat(items(api.expectProblem(400, place(noLines, key())), "errors")).extracting(e -> e.get("field"))
                .containsExactly("lines");
        assertThat(ordersOfTheShop()).isEqualTo(ordersBefore);
    }

    /**
     * Last: it gives the shop its customs codes, from when on every paid order is declared through the built-in
     * simulator in the background (the other tests read their orders PAID).
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void a_cleared_order_reads_released_with_its_declaration_as_customs_has_it() {
        // the settings are replaced whole: the shop's Alipay app again (a new one, the fake knowing it) with them
        String appId = "20210000009" + ThreadLocalRandom.current().nextInt(10000, 99999);
        KeyPair keys = RsaKeys.generate();
        shop.fake().registerApp(appId, RsaKeys.publicKeyText(keys));
        api.expect(200, api.put("/api/v1/tenant/settings", shop.token(), Map.of(
                "alipay", Map.of("appId", appId, "appPrivateKey", RsaKeys.privateKeyText(keys),
                        "alipayPublicKey", shop.fake().alipayPublicKey()),
                "customs", Map.of("ebcCode", "4403160Z8T", "ebcName", "Merchant Co."))));
        String orderNo = placeBarcodeSale();
        api.expect(200, scan(pos, orderNo, PAYS_AT_ONCE, key()));
        shop.release(orderNo);

        Map<String, Object> read = eventually(() -> {
            HttpResponse<String> staff = api.get("/api/v1/declarations/" + orderNo, shop.token());
            if (staff.statusCode() != 200) {
                return Optional.empty();
            }
            Object customs = object(api.expect(200, staff), "declaration").get("status");
            Map<String, Object> counter = api.expect(200, read(pos, orderNo));
            return customs.equals(counter.get("declarationStatus")) ? Optional.of(counter) : Optional.empty();
        });
        assertThat(read).containsEntry("status", "RELEASED").containsEntry("orderNo", orderNo);
    }

    @Test
    void any_store_of_the_tenant_reads_the_order_but_only_its_store_charges_it_and_other_tenants_find_nothing() {
        String orderNo = placeBarcodeSale();
        Pos otherStore = register(shop.token(), store(shop.token()), "POS");
        TenantsApi.Merchant rival = api.merchant(shop.park());
        Pos rivals = register(rival.admin().token(), store(rival.admin().token()), "POS");
        Pos partner = register(shop.token(), null, "PARTNER");

        assertThat(api.expect(200, read(otherStore, orderNo))).containsEntry("orderNo", orderNo);
        assertThat(api.expectProblem(404, scan(otherStore, orderNo, PAYS_AT_ONCE, key()))).isNotNull();
        assertThat(api.expectProblem(404, read(rivals, orderNo)).toString()).doesNotContain(FORMULA);
        assertThat(api.expectProblem(404, scan(rivals, orderNo, PAYS_AT_ONCE, key()))).isNotNull();
        assertThat(api.expectProblem(403, read(partner, orderNo))).isNotNull();
        assertThat(tradePayCalls(orderNo)).isZero();
        assertThat(api.expect(200, read(pos, orderNo))).containsEntry("status", "PENDING_PAYMENT");
    }

    // ---- the POS's calls

    private HttpResponse<String> place(Map<String, Object> sale, String idempotencyKey) {
        return signed(pos, "POST", "/pos/v1/orders", sale, idempotencyKey);
    }

    private HttpResponse<String> scan(Pos device, String orderNo, String authCode, String idempotencyKey) {
        Map<String, Object> body = new HashMap<>();
        body.put("authCode", authCode);
        return signed(device, "POST", "/pos/v1/orders/" + orderNo + "/barcode-payment", body, idempotencyKey);
    }

    private HttpResponse<String> read(Pos device, String orderNo) {
        return signed(device, "GET", "/pos/v1/orders/" + orderNo, null, null);
    }

    private HttpResponse<String> signed(Pos device, String method, String target, Object body, String idempotencyKey) {
        byte[] bytes = body == null ? new byte[0] : json(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(vitrine.uri(target)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        signer.sign(device.key(), device.secret().getBytes(StandardCharsets.US_ASCII), method, target, bytes)
                .asMap().forEach(request::header);
        return vitrine.send(request.build());
    }

    private String placeBarcodeSale() {
        return (String) api.expect(201, place(sale("BARCODE", newBuyer(), 1), key())).get("orderNo");
    }

    private static Map<String, Object> sale(String payment, String idNumber, int qty) {
        Map<String, Object> body = new HashMap<>();
        body.put("lines", List.of(Map.of("sku", FORMULA, "qty", qty)));
        body.put("buyer", Map.of("name", "张三", "idNumber", idNumber, "phone", "13800138000"));
        body.put("consignee", Map.of("name", "张三", "phone", "13800138000", "districtCode", "440305",
                "address", "广东省深圳市南山区科技园1号"));
        body.put("consent", true);
        body.put("payment", payment);
        return body;
    }

    // ---- fixtures and what the fake saw

    private Pos register(String adminToken, String storeCode, String kind) {
        Map<String, Object> created = api.expect(201, api.post("/api/v1/devices", adminToken,
                storeCode == null ? Map.of("kind", kind) : Map.of("storeCode", storeCode, "kind", kind)));
        return new Pos((String) created.get("deviceKey"), (String) created.get("secret"));
    }

    private String store(String adminToken) {
        String code = SampleCodes.unique("S").toUpperCase();
        api.expect(201, api.post("/api/v1/stores", adminToken, Map.of("code", code, "name", "Counter " + code,
                "kind", "CONVENIENCE_STORE", "address", "8 Qianhai Rd", "district", "440305", "warehouseCode", "WH-1")));
        return code;
    }

    private long ordersOfTheShop() {
        return ((Number) api.expect(200, api.get("/api/v1/orders", shop.token())).get("total")).longValue();
    }

    private long tradePayCalls(String orderNo) {
        return shop.fake().ledger().stream().filter(entry -> "call".equals(entry.path("type").asText())
                && "alipay.trade.pay".equals(entry.path("method").asText())
                && orderNo.equals(entry.path("outTradeNo").asText())).count();
    }

    private boolean notifyAcknowledged(String orderNo) {
        return shop.fake().ledger().stream().anyMatch(entry -> "notify".equals(entry.path("type").asText())
                && orderNo.equals(entry.path("outTradeNo").asText()) && entry.path("status").asInt() == 200);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> parent, String field) {
        return (List<Map<String, Object>>) parent.get(field);
    }

    private static String key() {
        return "pos-" + UUID.randomUUID();
    }

    private static byte[] json(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

}
