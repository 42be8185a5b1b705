package io.vitrine.api.customs;

import io.vitrine.api.tenants.Rows;
import io.vitrine.api.tenants.TenantsApi;
import io.vitrine.api.testing.EmbeddedVitrine;
import io.vitrine.api.testing.RunningVitrine;
import io.vitrine.orders.numbers.OrderNumber;
import io.vitrine.tenants.access.BearerToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/v1/declarations/{orderNo}/resubmit} over HTTP in the embedded application (no customs signer, so
 * no exchange): the answers a client switches on — 409 naming the status, 400 naming field and rule, 404, 401 — each
 * changing nothing. Sending the corrected CEB311 itself is proven in customs' {@code DeclarationSuite}; another
 * tenant's declaration is probed in {@code TenantIsolationWalkTest}.
 */
@ExtendWith(EmbeddedVitrine.class)
class DeclarationResubmitHttpTest {

    private final TenantsApi api;

    DeclarationResubmitHttpTest(RunningVitrine vitrine) {
        this.api = new TenantsApi(vitrine);
    }

    @Test
    void an_accepted_declaration_is_a_conflict_naming_its_status() {
        TenantsApi.Merchant merchant = api.merchant(api.park());
        String orderNo = declaredOrder(merchant.id(), "ACCEPTED", "ACCEPTED");

        Map<String, Object> problem = api.expectProblem(409, api.post(path(orderNo), merchant.admin().token(),
                Map.of("note", "again")));

        assertThat(problem).containsEntry("code", "DECLARATION_NOT_REJECTED");
        assertThat((String) problem.get("detail")).contains("ACCEPTED");
        assertThat(status(merchant, orderNo)).isEqualTo("ACCEPTED");
    }

    @Test
    void a_rejected_declaration_of_a_shop_without_customs_settings_is_refused_and_stays_rejected() {
        TenantsApi.Merchant merchant = api.merchant(api.park());
        String orderNo = declaredOrder(merchant.id(), "REJECTED", "REJECTED");

        Map<String, Object> problem = api.expectProblem(409, api.post(path(orderNo), merchant.admin().token(),
                Map.of("consignee", Map.of("name", "李四", "phone", "13900139000", "districtCode", "440305",
                        "address", "广东省深圳市南山区2号"))));

        assertThat(problem).containsEntry("code", "CUSTOMS_SETTINGS_MISSING");
        assertThat(status(merchant, orderNo)).isEqualTo("REJECTED");
        assertThat(Rows.column(api.vitrine(), "SELECT h.reason FROM order_status_history h JOIN orders o "
                + "ON o.id = h.order_id WHERE o.order_no = ?", orderNo)).isEmpty();
    }

    @Test
    void bad_corrections_name_each_field_and_rule() {
        TenantsApi.Merchant merchant = api.merchant(api.park());
        String orderNo = declaredOrder(merchant.id(), "REJECTED", "REJECTED");

        Map<String, Object> problem = api.expectProblem(400, api.post(path(orderNo), merchant.admin().token(),
                Map.of("note", "x".repeat(201))));
        assertThat(rules(problem)).containsExactly("note:TOO_LONG");
        problem = api.expectProblem(400, api.post(path(orderNo), merchant.admin().token(),
                Map.of("consignee", Map.of("name", "李四", "phone", "12345", "districtCode", "99"))));
        assertThat(rules(problem)).containsExactlyInAnyOrder("consignee.phone:MOBILE_NUMBER",
                "consignee.districtCode:DISTRICT_CODE", "consignee.address:REQUIRED");
        assertThat(status(merchant, orderNo)).isEqualTo("REJECTED");
    }

    @Test
    void an_unknown_order_is_404_and_no_credentials_401() {
        TenantsApi.Merchant merchant = api.merchant(api.park());

        api.expectProblem(404, api.post(path("V2611300000000000"), merchant.admin().token(), null));
        assertThat(api.post(path("V2611300000000000"), null, null).statusCode()).isEqualTo(401);
    }

    private static String path(String orderNo) {
        return "/api/v1/declarations/" + orderNo + "/resubmit";
    }

    private String status(TenantsApi.Merchant merchant, String orderNo) {
        return (String) TenantsApi.object(api.expect(200, api.get("/api/v1/declarations/" + orderNo,
                merchant.admin().token())), "declaration").get("status");
    }

    /** An order of the tenant and its declaration, written straight into the tables (no signer to declare it). */
    private String declaredOrder(String tenantId, String status, String orderLeg) {
        String body = "V261130" + String.format("%09d", ThreadLocalRandom.current().nextLong(1_000_000_000L));
        String orderNo = IntStream.range(0, 10).mapToObj(digit -> body + digit).filter(OrderNumber::isValid)
                .findFirst().orElseThrow();
        String now = "2026-11-30 10:00:00.000000";
        String token = UUID.randomUUID().toString();
        Rows.update(api.vitrine(), "INSERT INTO orders (id, tenant_id, order_no, store_code, cart_ref, status, "
                + "trade_mode, warehouse_code, taxation, goods_value_fen, freight_fen, insurance_fen, discount_fen, "
                + "tax_fen, total_fen, quota_fen, token_hash, pay_method, payment_expires_at, placed_at, updated_at, "
                + "version) VALUES (?, ?, ?, 'S-1', ?, 'REJECTED', '1210', 'W-01', 'WITHIN_LIMITS', 29900, 0, 0, 0, "
                + "2721, 32621, 0, ?, 'ALIPAY_QR', ?, ?, ?, 0)", UUID.randomUUID().toString(), tenantId, orderNo,
                BearerToken.hash(token), BearerToken.hash(token), now, now, now);
        Rows.update(api.vitrine(), "INSERT INTO declarations (id, tenant_id, order_no, trade_mode, status, order_leg, "
                + "payment_leg, inventory_leg, rejection_reason, created_at, updated_at) VALUES (?, ?, ?, '1210', ?, ?, "
                + "'ACCEPTED', 'PENDING', NULL, ?, ?)", UUID.randomUUID().toString(), tenantId, orderNo, status,
                orderLeg, now, now);
        return orderNo;
    }

    @SuppressWarnings("unchecked")
    private static List<String> rules(Map<String, Object> problem) {
        return ((List<Map<String, Object>>) problem.get("errors")).stream()
                .map(error -> error.get("field") + ":" + error.get("rule")).toList();
    }
}
