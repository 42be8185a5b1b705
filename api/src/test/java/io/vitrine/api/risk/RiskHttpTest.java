package io.vitrine.api.risk;

import io.vitrine.api.storefront.AlipayShop;
import io.vitrine.api.tenants.TenantsApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #9 "Risk control" over HTTP, in an embedded application of its own (the built-in simulator declares): the
 * park admin turns a rule on, a paid order is held instead of declared and waits in the review queue (its park's
 * admin and its own merchant see it, another park does not), the review releases it (declared) or cancels it
 * (refunded), a second review is 409, bad input 400 naming the field, the wrong role 403.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RiskHttpTest {

    private AlipayShop shop;
    private TenantsApi api;
    private String parkAdmin;
    private String retailer;

    @BeforeAll
    void aShopWhoseParkHoldsEveryOrder() {
        shop = AlipayShop.start();
        api = shop.api();
        parkAdmin = shop.park().admin().token();
        retailer = shop.token();
        // the customs codes added to the shop's settings (a PUT replaces them all: the Alipay app is sent back)
        Map<String, Object> settings = api.expect(200, api.get("/api/v1/tenant/settings", retailer));
        Map<String, Object> alipay = TenantsApi.object(settings, "alipay");
        Map<String, Object> app = new java.util.HashMap<>();
        app.put("appId", alipay.get("appId"));
        app.put("alipayPublicKey", alipay.get("alipayPublicKey"));
        Map<String, Object> replaced = new java.util.HashMap<>();
        replaced.put("alipay", app);
        replaced.put("customs", Map.of("ebcCode", "4403160Z8T", "ebcName", "Merchant Co."));
        replaced.put("alertWebhookUrl", settings.get("alertWebhookUrl"));
        api.expect(200, api.put("/api/v1/tenant/settings", retailer, replaced));
        Map<String, Object> rules = api.expect(200, api.put("/api/v1/risk/rules", parkAdmin,
                Map.of("rules", List.of(Map.of("rule", "FREQUENT_BUYER", "enabled", true, "threshold", 1)))));
        assertThat(TenantsApi.items(Map.of("items", rules.get("rules")))).anySatisfy(r -> {
            assertThat(r).containsEntry("rule", "FREQUENT_BUYER").containsEntry("enabled", true)
                    .containsEntry("threshold", 1).containsEntry("windowHours", 24);
        });
    }

    @AfterAll
    void close() {
        shop.close();
    }

    @Test
    void a_held_order_is_not_declared_until_released_and_then_once() {
        String orderNo = heldOrder();
        Map<String, Object> flag = flagOf(parkAdmin, orderNo).orElseThrow();
        assertThat(flag).containsEntry("status", "OPEN").containsEntry("tenant", shop.slug());
        assertThat(flag.get("rules")).isEqualTo(List.of("FREQUENT_BUYER"));
        assertThat(api.expect(200, api.get("/api/v1/orders/" + orderNo, retailer))).containsEntry("status", "ON_HOLD");
        assertThat(api.get("/api/v1/declarations/" + orderNo, retailer).statusCode()).isEqualTo(404);
        assertThat(flagOf(retailer, orderNo)).as("the merchant sees its own held orders").isPresent();

        Map<String, Object> released = api.expect(200, api.post("/api/v1/risk/flags/" + flag.get("id") + "/resolve",
                parkAdmin, Map.of("decision", "RELEASE", "note", "buyer called back")));
        assertThat(released).containsEntry("status", "RELEASED").containsEntry("note", "buyer called back");
        Map<String, Object> again = api.expectProblem(409, api.post("/api/v1/risk/flags/" + flag.get("id")
                + "/resolve", parkAdmin, Map.of("decision", "RELEASE")));
        assertThat(again).containsEntry("code", "RISK_FLAG_RESOLVED");

        Map<String, Object> declared = eventually(() -> {
            HttpResponse<String> found = api.get("/api/v1/declarations/" + orderNo, retailer);
            return found.statusCode() == 200 ? Optional.of(api.expect(200, found)) : Optional.empty();
        });
        assertThat(((List<?>) declared.get("messages")).stream()
                .filter(m -> "CEB311".equals(((Map<?, ?>) m).get("type"))).count()).isEqualTo(1);
    }

    @Test
    void a_cancelled_hold_is_refunded_and_never_declared() {
        String orderNo = heldOrder();
        String id = (String) flagOf(parkAdmin, orderNo).orElseThrow().get("id");

        api.expect(200, api.post("/api/v1/risk/flags/" + id + "/resolve", parkAdmin, Map.of("decision", "CANCEL")));

        assertThat(api.expect(200, api.get("/api/v1/orders/" + orderNo, retailer))).containsEntry("status", "CANCELLED");
        assertThat(api.get("/api/v1/declarations/" + orderNo, retailer).statusCode()).isEqualTo(404);
        assertThat(shop.fake().trade(orderNo).orElseThrow().refunds()).hasSize(1);
        api.expectProblem(409, api.post("/api/v1/risk/flags/" + id + "/resolve", parkAdmin,
                Map.of("decision", "CANCEL")));
        assertThat(shop.fake().trade(orderNo).orElseThrow().refunds()).hasSize(1);
    }

    @Test
    void another_park_sees_no_flag_and_cannot_resolve_one_and_a_merchant_cannot_resolve() {
        String orderNo = heldOrder();
        String id = (String) flagOf(parkAdmin, orderNo).orElseThrow().get("id");
        String otherPark = api.park().admin().token();

        assertThat(TenantsApi.items(api.json(api.get("/api/v1/risk/flags", otherPark))))
                .isEmpty();
        api.expectProblem(404, api.get("/api/v1/risk/flags/" + id, otherPark));
        api.expectProblem(404, api.post("/api/v1/risk/flags/" + id + "/resolve", otherPark,
                Map.of("decision", "RELEASE")));
        assertThat(api.post("/api/v1/risk/flags/" + id + "/resolve", retailer, Map.of("decision", "RELEASE"))
                .statusCode()).isEqualTo(403);
        assertThat(api.expect(200, api.get("/api/v1/risk/flags/" + id, parkAdmin))).containsEntry("status", "OPEN");
    }

    @Test
    void bad_input_is_a_problem_naming_the_field_and_changes_nothing() {
        String orderNo = heldOrder();
        String id = (String) flagOf(parkAdmin, orderNo).orElseThrow().get("id");

        Map<String, Object> decision = api.expectProblem(400, api.post("/api/v1/risk/flags/" + id + "/resolve",
                parkAdmin, Map.of("decision", "APPROVE")));
        assertThat(fields(decision)).containsExactly("decision");
        Map<String, Object> status = api.expectProblem(400, api.get("/api/v1/risk/flags?status=DONE", parkAdmin));
        assertThat(fields(status)).containsExactly("status");
        Map<String, Object> rules = api.expectProblem(400, api.put("/api/v1/risk/rules", parkAdmin,
                Map.of("rules", List.of(Map.of("rule", "SALES_SPIKE", "threshold", 0),
                        Map.of("rule", "NO_SUCH_RULE")))));
        assertThat(fields(rules)).containsExactly("rules[0].threshold", "rules[1].rule");
        assertThat(api.put("/api/v1/risk/rules", retailer, Map.of("rules", List.of(Map.of("rule", "SALES_SPIKE"))))
                .statusCode()).isEqualTo(403);

        assertThat(api.expect(200, api.get("/api/v1/risk/flags/" + id, parkAdmin))).containsEntry("status", "OPEN");
        assertThat(TenantsApi.items(Map.of("items", api.expect(200, api.get("/api/v1/risk/rules", retailer))
                .get("rules")))).anySatisfy(r -> assertThat(r).containsEntry("rule", "SALES_SPIKE")
                .containsEntry("enabled", false).containsEntry("threshold", 30));
    }

    @Test
    void the_park_sees_each_members_compliance_score() {
        heldOrder();
        List<Map<String, Object>> scores = TenantsApi.items(api.json(api.get("/api/v1/risk/scores", parkAdmin)));
        assertThat(scores).anySatisfy(s -> {
            assertThat(s).containsEntry("tenant", shop.slug());
            assertThat(((Number) s.get("flags")).intValue()).isPositive();
            assertThat(((Number) s.get("score")).intValue()).isBetween(0, 99);
        });
        assertThat(TenantsApi.items(api.json(api.get("/api/v1/risk/scores", api.park().admin().token())))).isEmpty();
    }

    private String heldOrder() {
        String orderNo = shop.placeOrder(AlipayShop.FORMULA, 1, "ALIPAY_QR");
        shop.pay(orderNo);
        eventually(() -> flagOf(parkAdmin, orderNo));
        return orderNo;
    }

    private Optional<Map<String, Object>> flagOf(String token, String orderNo) {
        return TenantsApi.items(api.json(api.get("/api/v1/risk/flags", token))).stream()
                .filter(f -> orderNo.equals(f.get("orderNo"))).findFirst();
    }

    @SuppressWarnings("unchecked")
    private static List<String> fields(Map<String, Object> problem) {
        return ((List<Map<String, Object>>) problem.get("errors")).stream().map(e -> (String) e.get("field")).toList();
    }

    /** What the check finds, asked again every 200 ms for up to 60 s (the outbox polls in the background). */
    private static <T> T eventually(Supplier<Optional<T>> check) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            Optional<T> found = check.get();
            if (found.isPresent()) {
                return found.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 60 s");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
