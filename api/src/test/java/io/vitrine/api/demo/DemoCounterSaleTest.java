package io.vitrine.api.demo;

import io.micronaut.json.JsonMapper;
import io.vitrine.api.tenants.TenantsApi;
import io.vitrine.api.testing.RunningVitrine;
import io.vitrine.kernel.testing.PrivacyTestKeys;
import io.vitrine.tenants.devices.signing.RequestSigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A counter sale end to end in the embedded mode with the demo: a POS registered at the demo's convenience store
 * S002 sells a tin of formula to a shopper, scans their payment code in the Alipay sandbox (the fake gateway's
 * {@code alipay.trade.pay}), and follows the order, declared and released by the built-in customs simulator, on
 * {@code GET /pos/v1/orders/{orderNo}}: RELEASED, its declaration RELEASED.
 */
class DemoCounterSaleTest {

    @TempDir
    Path dataDir;

    @Test
    void a_counter_sale_paid_by_barcode_is_released_by_the_simulator_and_the_pos_sees_it() throws Exception {
        Map<String, Object> properties = new HashMap<>(PrivacyTestKeys.properties());
        properties.put("vitrine.demo.enabled", true);
        properties.put("vitrine.customs.receipts.interval", "500ms");
        properties.put("vitrine.customs.simulator.poll-interval", "300ms");
        properties.put("vitrine.customs.simulator.first-answer-delay", "300ms");
        properties.put("vitrine.customs.simulator.answer-interval", "300ms");
        try (RunningVitrine vitrine = RunningVitrine.startOn(dataDir, properties)) {
            TenantsApi api = new TenantsApi(vitrine);
            String admin = api.login(DemoAccounts.RETAILER_ADMIN, DemoAccounts.RETAILER_ADMIN_PASSWORD);
            Map<String, Object> pos = api.expect(201, api.post("/api/v1/devices", admin,
                    Map.of("storeCode", "S002", "kind", "POS")));
            Signing signing = new Signing(vitrine, (String) pos.get("deviceKey"), (String) pos.get("secret"));

            Map<String, Object> placed = api.expect(201, signing.send("POST", "/pos/v1/orders", Map.of(
                    "lines", List.of(Map.of("sku", "A2-FORMULA-900", "qty", 1)), "payment", "BARCODE", "consent", true,
                    "buyer", Map.of("name", "张三", "idNumber", "440305199001011256", "phone", "13800138000"),
                    "consignee", Map.of("name", "张三", "phone", "13800138000", "districtCode", "440305",
                            "address", "广东省深圳市南山区南海大道 2008 号")), "demo-counter-1"));
            String orderNo = (String) placed.get("orderNo");
            assertThat(api.expect(200, signing.send("POST", "/pos/v1/orders/" + orderNo + "/barcode-payment",
                    Map.of("authCode", "286655443322110099"), "demo-counter-2"))).containsEntry("payment", "PAID");

            Map<String, Object> read = Map.of();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!"RELEASED".equals(read.get("declarationStatus")) && System.nanoTime() < deadline) {
                Thread.sleep(250);
                read = api.expect(200, signing.send("GET", "/pos/v1/orders/" + orderNo, null, null));
            }
            assertThat(read).as("60 s after paying at the counter").containsEntry("status", "RELEASED")
                    .containsEntry("declarationStatus", "RELEASED").containsEntry("storeCode", "S002")
                    .containsEntry("deviceKey", pos.get("deviceKey"));
        }
    }

    /** The POS's signed requests, JSON bodies signed as sent. */
    private record Signing(RunningVitrine vitrine, String deviceKey, String secret) {

        HttpResponse<String> send(String method, String target, Object body, String idempotencyKey) throws Exception {
            byte[] bytes = body == null ? new byte[0] : vitrine.bean(JsonMapper.class).writeValueAsBytes(body);
            HttpRequest.Builder request = HttpRequest.newBuilder(vitrine.uri(target)).method(method, body == null
                    ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(bytes));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            if (idempotencyKey != null) {
                request.header("Idempotency-Key", idempotencyKey);
            }
            new RequestSigner(vitrine.bean(Clock.class)).sign(deviceKey, secret.getBytes(StandardCharsets.US_ASCII),
                    method, target, bytes).asMap().forEach(request::header);
            return vitrine.send(request.build());
        }
    }
}
