package io.vitrine.api.orders;

import io.vitrine.api.tenants.Rows;
import io.vitrine.api.tenants.TenantsApi;
import io.vitrine.api.tenants.TenantsApi.Merchant;
import io.vitrine.api.testing.EmbeddedVitrine;
import io.vitrine.api.testing.RunningVitrine;
import io.vitrine.orders.logistics.WaybillAssigned;
import io.vitrine.orders.numbers.OrderNumber;
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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The logistics partner's callbacks over HTTP in the embedded application, signed by a PARTNER device really
 * registered through {@code POST /api/v1/devices}: a waybill recorded (201) and replayed (200, one event), another
 * tenant's order 404, bad fields 400 with field and rule, a POS device 403, an unsigned post 401, and the order moved
 * RELEASED → SHIPPED → DELIVERED (replays 200, out of order 409), shown in the staff's order JSON. Orders are
 * written into the table in the status a test needs (payment and customs are proven elsewhere; customs is not built).
 */
@ExtendWith(EmbeddedVitrine.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LogisticsHttpTest {

    private static final String WAYBILLS = "/api/v1/logistics/waybills";
    private static final String SHIPMENTS = "/api/v1/logistics/shipments";
    private static final String SF = "4403180ABC";

    private final RunningVitrine vitrine;
    private final TenantsApi api;
    private final RequestSigner signer;
    private Merchant shop;
    private Merchant other;
    private Device partner;
    private Device otherPartner;

    LogisticsHttpTest(RunningVitrine vitrine) {
        this.vitrine = vitrine;
        this.api = new TenantsApi(vitrine);
        this.signer = new RequestSigner(vitrine.bean(Clock.class));
    }

    record Device(String key, String secret) {
    }

    @BeforeAll
    void twoShopsWithTheirPartners() {
        TenantsApi.Park park = api.park();
        shop = api.merchant(park);
        other = api.merchant(park);
        partner = device(shop, Map.of("kind", "PARTNER"));
        otherPartner = device(other, Map.of("kind", "PARTNER"));
    }

    @Test
    void a_partner_posts_a_waybill_once_and_a_replay_answers_200_changing_nothing() {
        String orderNo = order(shop, "PAID", "1210");
        Map<String, Object> body = waybill(orderNo, SF, waybillNo());

        Map<String, Object> first = api.expect(201, signed(partner, WAYBILLS, body));
        Map<String, Object> again = api.expect(200, signed(partner, WAYBILLS, body));

        assertThat(first).containsEntry("orderNo", orderNo).containsEntry("logisticsCode", SF)
                .containsEntry("logisticsNo", body.get("logisticsNo")).containsEntry("logisticsName", "顺丰速运");
        assertThat(again).isEqualTo(first);
        assertThat(Rows.column(vitrine, "SELECT COUNT(*) FROM outbox_events WHERE event_type = ? AND business_key = ?",
                WaybillAssigned.TYPE, orderNo)).containsExactly("1");
        Map<String, Object> staffView = api.expect(200, api.get("/api/v1/orders/" + orderNo, shop.admin().token()));
        assertThat(TenantsApi.object(staffView, "waybill")).containsEntry("logisticsNo", body.get("logisticsNo"));
    }

    @Test
    void another_tenants_order_answers_404_like_an_unknown_one() {
        String orderNo = order(shop, "RELEASED", "1210");

        Map<String, Object> foreign = api.expectProblem(404, signed(otherPartner, WAYBILLS,
                waybill(orderNo, SF, waybillNo())));
        Map<String, Object> unknown = api.expectProblem(404, signed(otherPartner, WAYBILLS,
                waybill(order(shop, "PAID", "1210").substring(0, 16) + "0", SF, waybillNo())));
        api.expectProblem(404, signed(otherPartner, SHIPMENTS, shipment(orderNo, "X1", "SHIPPED")));

        assertThat(foreign.get("detail")).isEqualTo(unknown.get("detail"));
        assertThat(Rows.column(vitrine, "SELECT COUNT(*) FROM order_waybills WHERE order_no = ?", orderNo))
                .containsExactly("0");
    }

    @Test
    void bad_fields_answer_400_naming_each_field_and_rule() {
        String orderNo = order(shop, "PAID", "1210");

        Map<String, Object> problem = api.expectProblem(400, signed(partner, WAYBILLS,
                waybill(orderNo, "SF-EXPRESS", "SF 1")));
        Map<String, Object> tooLong = api.expectProblem(400, signed(partner, WAYBILLS,
                waybill(orderNo, "91350100M000100Y43", "1".repeat(61))));
        Map<String, Object> report = api.expectProblem(400, signed(partner, SHIPMENTS,
                Map.of("orderNo", orderNo, "logisticsNo", "SF1", "status", "LOST", "at", "30.11.2026")));

        assertThat(rules(problem)).containsExactlyInAnyOrder("logisticsCode:ENTERPRISE_CODE_FORM",
                "logisticsNo:NO_BLANKS");
        assertThat(rules(tooLong)).containsExactly("logisticsNo:TOO_LONG");
        assertThat(rules(report)).containsExactlyInAnyOrder("status:NOT_ONE_OF", "at:DATE_TIME");
        assertThat(Rows.column(vitrine, "SELECT COUNT(*) FROM order_waybills WHERE order_no = ?", orderNo))
                .containsExactly("0");
    }

    @Test
    void only_a_signed_partner_device_may_post() {
        String orderNo = order(shop, "PAID", "1210");
        String store = SampleStore.create(api, shop);
        Device pos = device(shop, Map.of("storeCode", store, "kind", "POS"));

        api.expectProblem(403, signed(pos, WAYBILLS, waybill(orderNo, SF, waybillNo())));
        HttpResponse<String> unsigned = api.post(WAYBILLS, null, waybill(orderNo, SF, waybillNo()));
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(Rows.column(vitrine, "SELECT COUNT(*) FROM order_waybills WHERE order_no = ?", orderNo))
                .containsExactly("0");
    }

    @Test
    void shipments_move_a_released_order_on_in_order_and_replays_change_nothing() {
        String orderNo = order(shop, "RELEASED", "9610");
        String number = waybillNo();
        api.expect(201, signed(partner, WAYBILLS, waybill(orderNo, SF, number)));

        Map<String, Object> early = api.expectProblem(409, signed(partner, SHIPMENTS,
                shipment(orderNo, number, "DELIVERED")));
        Map<String, Object> shipped = api.expect(200, signed(partner, SHIPMENTS, shipment(orderNo, number, "SHIPPED")));
        Map<String, Object> replay = api.expect(200, signed(partner, SHIPMENTS, shipment(orderNo, number, "SHIPPED")));
        Map<String, Object> mismatch = api.expectProblem(422, signed(partner, SHIPMENTS,
                shipment(orderNo, "OTHER1", "DELIVERED")));
        Map<String, Object> delivered = api.expect(200, signed(partner, SHIPMENTS,
                shipment(orderNo, number, "DELIVERED")));

        assertThat(early.get("detail")).asString().contains("only once it is SHIPPED");
        assertThat(shipped).containsEntry("orderStatus", "SHIPPED").containsEntry("moved", true);
        assertThat(replay).containsEntry("orderStatus", "SHIPPED").containsEntry("moved", false);
        assertThat(mismatch).containsEntry("code", "WAYBILL_MISMATCH");
        assertThat(delivered).containsEntry("orderStatus", "DELIVERED").containsEntry("moved", true);
        assertThat(TenantsApi.object(delivered, "waybill")).containsKeys("shippedAt", "deliveredAt");
        Map<String, Object> staffView = api.expect(200, api.get("/api/v1/orders/" + orderNo, shop.admin().token()));
        assertThat(staffView).containsEntry("status", "DELIVERED");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> timeline = (List<Map<String, Object>>) staffView.get("timeline");
        assertThat(timeline).extracting(entry -> entry.get("status")).containsSubsequence("SHIPPED", "DELIVERED");
    }

    @Test
    void a_paid_order_not_yet_released_cannot_ship_and_a_duty_paid_one_takes_no_waybill() {
        String declaring = order(shop, "DECLARING", "1210");
        String number = waybillNo();
        api.expect(201, signed(partner, WAYBILLS, waybill(declaring, SF, number)));
        assertThat(api.expectProblem(409, signed(partner, SHIPMENTS, shipment(declaring, number, "SHIPPED")))
                .get("detail")).asString().contains("only once it is RELEASED");
        assertThat(api.expectProblem(409, signed(partner, WAYBILLS, waybill(declaring, SF, waybillNo())))
                .get("detail")).asString().contains("before the order is declared");

        assertThat(api.expectProblem(422, signed(partner, WAYBILLS,
                waybill(order(shop, "PAID", "GENERAL"), SF, waybillNo())))).containsEntry("code", "NOT_CROSS_BORDER");
    }

    @Test
    void the_warehouse_partner_confirms_returned_goods_of_its_tenant_only() {
        String orderNo = order(shop, "RELEASED", "1210");
        String returnNo = "R261130" + String.format("%09d", ThreadLocalRandom.current().nextLong(1_000_000_000L));
        String at = "2026-11-30 10:00:00.000000";
        Rows.update(vitrine, "INSERT INTO order_returns (id, tenant_id, return_no, order_id, order_no, store_code, "
                + "status, reason, channel, opened_by, requested_at, released_at, updated_at, version) SELECT ?, "
                + "tenant_id, ?, id, order_no, store_code, 'APPROVED', 'x', 'SHOPPER', 'shopper', ?, ?, ?, 0 FROM orders "
                + "WHERE order_no = ?", UUID.randomUUID().toString(), returnNo, at, at, at, orderNo);
        String path = "/api/v1/logistics/returns/" + returnNo + "/received";

        assertThat(api.expectProblem(409, signed(partner, path, Map.of())).get("detail")).asString()
                .contains("is APPROVED");
        api.expectProblem(404, signed(otherPartner, path, Map.of()));
        api.expectProblem(404, signed(partner, "/api/v1/logistics/returns/R0000000000000000/received", Map.of()));
        Device pos = device(shop, Map.of("kind", "POS", "storeCode", SampleStore.create(api, shop)));
        api.expectProblem(403, signed(pos, path, Map.of()));
        assertThat(api.post(path, null, Map.of()).statusCode()).isEqualTo(401);
    }

    // --- helpers

    private Device device(Merchant merchant, Map<String, Object> body) {
        Map<String, Object> created = api.expect(201, api.post("/api/v1/devices", merchant.admin().token(), body));
        return new Device((String) created.get("deviceKey"), (String) created.get("secret"));
    }

    private HttpResponse<String> signed(Device device, String path, Map<String, Object> body) {
        byte[] bytes;
        try {
            bytes = vitrine.bean(io.micronaut.json.JsonMapper.class).writeValueAsBytes(body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        SignatureHeaders headers = signer.sign(device.key(), device.secret().getBytes(StandardCharsets.US_ASCII),
                "POST", path, bytes);
        HttpRequest.Builder request = HttpRequest.newBuilder(vitrine.uri(path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        headers.asMap().forEach(request::header);
        return vitrine.send(request.build());
    }

    private static Map<String, Object> waybill(String orderNo, String code, String number) {
        return Map.of("orderNo", orderNo, "logisticsCode", code, "logisticsName", "顺丰速运", "logisticsNo", number);
    }

    private static Map<String, Object> shipment(String orderNo, String number, String status) {
        return Map.of("orderNo", orderNo, "logisticsNo", number, "status", status, "at",
                OffsetDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(10).truncatedTo(ChronoUnit.SECONDS).toString());
    }

    @SuppressWarnings("unchecked")
    private static List<String> rules(Map<String, Object> problem) {
        return ((List<Map<String, Object>>) problem.get("errors")).stream()
                .map(error -> error.get("field") + ":" + error.get("rule")).toList();
    }

    private static String waybillNo() {
        return "SF" + UUID.randomUUID().toString().replace("-", "").substring(0, 14).toUpperCase(Locale.ROOT);
    }

    /** An order of the shop in this status and trade mode, written straight into the table. */
    private String order(Merchant merchant, String status, String tradeMode) {
        String body = "V261130" + String.format("%09d", ThreadLocalRandom.current().nextLong(1_000_000_000L));
        String orderNo = IntStream.range(0, 10).mapToObj(digit -> body + digit).filter(OrderNumber::isValid)
                .findFirst().orElseThrow();
        String now = "2026-11-30 10:00:00.000000";
        Rows.update(vitrine, "INSERT INTO orders (id, tenant_id, order_no, store_code, cart_ref, status, trade_mode, "
                + "warehouse_code, taxation, goods_value_fen, freight_fen, insurance_fen, discount_fen, tax_fen, total_fen, "
                + "quota_fen, token_hash, pay_method, payment_expires_at, placed_at, updated_at, version) VALUES (?, ?, ?, "
                + "'S1', ?, ?, ?, 'W1', ?, 29900, 0, 0, 0, 2721, 32621, 0, ?, 'ALIPAY_QR', ?, ?, ?, 0)",
                UUID.randomUUID().toString(), merchant.id(), orderNo, UUID.randomUUID().toString().replace("-", "")
                        + "00000000000000000000000000000000", status, tradeMode,
                "GENERAL".equals(tradeMode) ? "DUTY_PAID" : "WITHIN_LIMITS",
                "0".repeat(64), now, now, now);
        Rows.update(vitrine, "INSERT INTO order_status_history (id, order_id, tenant_id, kind, from_status, to_status, "
                + "happened_at, actor, reason) SELECT ?, id, tenant_id, 'TRANSITION', NULL, status, placed_at, 'test', "
                + "NULL FROM orders WHERE order_no = ?", UUID.randomUUID().toString(), orderNo);
        return orderNo;
    }

    /** A store of the shop (a POS belongs to one). */
    private static final class SampleStore {
        static String create(TenantsApi api, Merchant merchant) {
            String warehouse = "LW" + ThreadLocalRandom.current().nextInt(1000, 9999);
            api.expect(201, api.post("/api/v1/parks/" + merchant.park().slug() + "/warehouses",
                    merchant.park().admin().token(), Map.of("code", warehouse, "name", "Bonded", "emsNo", "T5349W9",
                            "customsCode", "5349", "areaCode", "5349W", "operatorUscc",
                            io.vitrine.api.tenants.SampleCodes.uscc())));
            String code = "L" + ThreadLocalRandom.current().nextInt(100000, 999999);
            api.expect(201, api.post("/api/v1/stores", merchant.admin().token(), Map.of("code", code, "name", "Shop",
                    "kind", "CONVENIENCE_STORE", "address", "1 Qianhai Rd", "district", "440305",
                    "warehouseCode", warehouse)));
            return code;
        }
    }
}
