package io.vitrine.api.demo;

import io.vitrine.api.tenants.TenantsApi;
import io.vitrine.kernel.testing.PrivacyTestKeys;
import io.vitrine.api.tenants.Rows;
import io.vitrine.api.testing.RunningVitrine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README.md's promise for the embedded mode, end to end with nothing configured but the demo: a purchase at the demo
 * shop, paid in the Alipay sandbox, is declared (CEB311 signed with the generated key, the payment declared through
 * the sandbox, the demo partner's waybill, then the CEB621) and released by the built-in simulator — the order the
 * shopper follows ends RELEASED within seconds, its declaration RELEASED with each leg accepted, one message per leg.
 */
class DemoClearanceTest {

    @TempDir
    Path dataDir;

    @Test
    void a_demo_purchase_paid_in_the_sandbox_is_declared_and_released_by_the_simulator() throws Exception {
        Map<String, Object> properties = new HashMap<>(PrivacyTestKeys.properties());
        properties.put("vitrine.demo.enabled", true);
        properties.put("vitrine.customs.receipts.interval", "500ms");
        properties.put("vitrine.customs.simulator.poll-interval", "300ms");
        properties.put("vitrine.customs.simulator.first-answer-delay", "300ms");
        properties.put("vitrine.customs.simulator.answer-interval", "300ms");
        try (RunningVitrine vitrine = RunningVitrine.startOn(dataDir, properties)) {
            TenantsApi api = new TenantsApi(vitrine);
            String shop = "/s/" + DemoAccounts.RETAILER_SLUG + "/api/";
            String cartId = (String) api.expect(201, api.post(shop + "carts", null, Map.of("storeCode", "S001")))
                    .get("cartId");
            api.expect(200, api.put(shop + "carts/" + cartId + "/items/A2-FORMULA-900", null, Map.of("qty", 1)));
            Map<String, Object> placed = api.expect(201, api.send("POST", shop + "orders", null, Map.of(
                    "cartId", cartId, "storeCode", "S001", "payMethod", "ALIPAY_QR", "consent", true,
                    "buyer", Map.of("name", "张三", "idNumber", "440305199001011256", "phone", "13800138000"),
                    "consignee", Map.of("name", "张三", "phone", "13800138000", "districtCode", "440305",
                            "address", "广东省深圳市南山区前海路 1 号")), "Idempotency-Key", "demo-clearance-1"));
            String orderNo = (String) placed.get("orderNo");
            String token = (String) placed.get("orderToken");

            HttpResponse<String> paid = vitrine.send(HttpRequest.newBuilder(vitrine.uri("/sandbox/alipay/trades/"
                    + orderNo + "/pay")).POST(HttpRequest.BodyPublishers.noBody()).build());
            assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);

            String status = "";
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!status.equals("RELEASED") && System.nanoTime() < deadline) {
                Thread.sleep(250);
                status = (String) api.expect(200, api.get(shop + "orders/" + orderNo + "?token=" + token, null))
                        .get("status");
            }
            assertThat(status).as("the shopper's order, 60 s after paying; declarations: %s", Rows.column(vitrine,
                    "SELECT CONCAT(status, '/', order_leg, '/', payment_leg, '/', inventory_leg) FROM declarations "
                            + "WHERE order_no = ?", orderNo)).isEqualTo("RELEASED");
            assertThat(Rows.column(vitrine, "SELECT CONCAT(status, '/', order_leg, '/', payment_leg, '/', "
                    + "inventory_leg) FROM declarations WHERE order_no = ?", orderNo))
                    .containsExactly("RELEASED/ACCEPTED/ACCEPTED/RELEASED");
            assertThat(Rows.column(vitrine, "SELECT message_type FROM declaration_messages WHERE order_no = ? "
                    + "ORDER BY message_type", orderNo)).isEqualTo(List.of("CEB311", "CEB621"));
        }
    }
}
