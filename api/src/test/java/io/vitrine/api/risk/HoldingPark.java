package io.vitrine.api.risk;

import io.vitrine.api.storefront.AlipayShop;
import io.vitrine.api.tenants.TenantsApi;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.vitrine.api.testing.Eventually.eventually;

/**
 * What the risk tests over HTTP, in the console and in Chromium start from: an {@link AlipayShop} (an embedded
 * application of its own, the fake Alipay as the gateway, the built-in customs simulator declaring) with its customs
 * codes set, whose park's admin turned FREQUENT_BUYER on at 1 order in 24 h, so every paid order is held for review.
 */
public final class HoldingPark implements AutoCloseable {

    private final AlipayShop shop;
    private final TenantsApi api;

    private HoldingPark(AlipayShop shop) {
        this.shop = shop;
        this.api = shop.api();
    }

    public static HoldingPark start() {
        HoldingPark park = new HoldingPark(AlipayShop.start());
        park.setCustomsCodes();
        park.api.expect(200, park.api.put("/api/v1/risk/rules", park.admin().token(),
                Map.of("rules", List.of(Map.of("rule", "FREQUENT_BUYER", "enabled", true, "threshold", 1)))));
        return park;
    }

    /** The customs codes added to the shop's settings (a PUT replaces them all: the Alipay app is sent back). */
    private void setCustomsCodes() {
        Map<String, Object> settings = api.expect(200, api.get("/api/v1/tenant/settings", shop.token()));
        Map<String, Object> alipay = TenantsApi.object(settings, "alipay");
        Map<String, Object> app = new HashMap<>();
        app.put("appId", alipay.get("appId"));
        app.put("alipayPublicKey", alipay.get("alipayPublicKey"));
        Map<String, Object> replaced = new HashMap<>();
        replaced.put("alipay", app);
        replaced.put("customs", Map.of("ebcCode", "4403160Z8T", "ebcName", "Merchant Co."));
        replaced.put("alertWebhookUrl", settings.get("alertWebhookUrl"));
        api.expect(200, api.put("/api/v1/tenant/settings", shop.token(), replaced));
    }

    public AlipayShop shop() {
        return shop;
    }

    public TenantsApi api() {
        return api;
    }

    /** The park's admin. */
    public TenantsApi.Account admin() {
        return shop.park().admin();
    }

    /** An order placed at the shop by a fresh buyer and paid at the fake, once screened and held: its number. */
    public String heldOrder() {
        String orderNo = shop.placeOrder(AlipayShop.FORMULA, 1, "ALIPAY_QR");
        shop.pay(orderNo);
        eventually(() -> flagOf(admin().token(), orderNo));
        return orderNo;
    }

    /** The order's flag as this caller's queue lists it. */
    public Optional<Map<String, Object>> flagOf(String token, String orderNo) {
        return TenantsApi.items(api.json(api.get("/api/v1/risk/flags", token))).stream()
                .filter(f -> orderNo.equals(f.get("orderNo"))).findFirst();
    }

    /** The order's flag in the park's queue, which must hold it. */
    public Map<String, Object> flagOf(String orderNo) {
        return flagOf(admin().token(), orderNo).orElseThrow(() -> new AssertionError("no flag for " + orderNo));
    }

    /** Whether customs' simulator got the order's declaration (it is declared once released), asked until it has. */
    public void awaitDeclared(String orderNo) {
        eventually(() -> api.get("/api/v1/declarations/" + orderNo, shop.token()).statusCode() == 200
                ? Optional.of(true) : Optional.empty());
    }

    @Override
    public void close() {
        shop.close();
    }
}
