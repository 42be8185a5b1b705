package io.vitrine.api.customs;

import io.vitrine.api.storefront.AlipayShop;
import io.vitrine.api.tenants.TenantsApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static io.vitrine.api.testing.Eventually.eventually;

/**
 * Issue #6 "fails loudly with a reason someone can act on": a shop without its customs settings takes a paid
 * cross-border order (its own embedded application, the generated signer and the built-in simulator on). The order
 * cannot be declared: one CRITICAL {@code DECLARATION_BLOCKED} alert names what to set, the order waits PAID — and
 * once the shop sets its customs codes, the retried declaration goes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeclarationBlockedHttpTest {

    private AlipayShop shop;
    private TenantsApi api;

    @BeforeAll
    void aShopWithoutCustomsSettings() {
        shop = AlipayShop.start();
        api = shop.api();
    }

    @AfterAll
    void close() {
        shop.close();
    }

    @Test
    void a_paid_order_of_a_shop_without_customs_settings_raises_one_alert_and_is_declared_once_they_are_set() {
        String token = shop.merchant().admin().token();
        String orderNo = shop.placeOrder(AlipayShop.FORMULA, 1, "ALIPAY_QR");
        shop.pay(orderNo);

        Map<String, Object> alert = eventually(() -> blocked(token, orderNo).stream().findFirst());
        assertThat(alert).containsEntry("severity", "CRITICAL");
        assertThat((String) alert.get("message")).contains(orderNo, "customs.ebcCode").doesNotContain("张三");
        assertThat(TenantsApi.object(alert, "details")).containsEntry("code", "CUSTOMS_SETTINGS_MISSING");
        assertThat(api.get("/api/v1/declarations/" + orderNo, token).statusCode()).isEqualTo(404);
        assertThat(api.expect(200, api.get("/api/v1/orders/" + orderNo, token))).containsEntry("status", "PAID");

        api.expect(200, api.put("/api/v1/tenant/settings", token,
                Map.of("customs", Map.of("ebcCode", "4403160Z8T", "ebcName", "Merchant Co."))));

        Map<String, Object> declared = eventually(() -> {
            HttpResponse<String> found = api.get("/api/v1/declarations/" + orderNo, token);
            return found.statusCode() == 200 ? Optional.of(api.expect(200, found)) : Optional.empty();
        });
        assertThat(TenantsApi.object(declared, "declaration")).containsEntry("orderNo", orderNo);
        assertThat(blocked(token, orderNo)).as("raised once, however often the declaration was retried").hasSize(1);
    }

    private List<Map<String, Object>> blocked(String token, String orderNo) {
        return TenantsApi.items(api.expect(200, api.get("/api/v1/alerts?kind=DECLARATION_BLOCKED", token))).stream()
                .filter(a -> orderNo.equals(a.get("subject"))).toList();
    }

}
