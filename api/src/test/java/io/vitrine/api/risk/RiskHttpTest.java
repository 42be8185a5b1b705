package io.vitrine.api.risk;

import io.vitrine.api.tenants.Rows;
import io.vitrine.api.tenants.TenantsApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.vitrine.api.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #9 "Risk control" over HTTP, in an embedded application of its own ({@link HoldingPark}: the built-in
 * simulator declares): a new park starts with the onboarding rules, the park admin turns a rule on, a paid order is
 * held instead of declared and waits in the review queue (its park's admin and its own merchant see it, another park
 * does not), the review releases it (declared) or cancels it (refunded), each decision audited, a second review is
 * 409, bad input 400 naming the field, the wrong role 403.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RiskHttpTest {

    private HoldingPark park;
    private TenantsApi api;
    private String parkAdmin;
    private String retailer;

    @BeforeAll
    void aShopWhoseParkHoldsEveryOrder() {
        park = HoldingPark.start();
        api = park.api();
        parkAdmin = park.admin().token();
        retailer = park.shop().token();
    }

    @AfterAll
    void close() {
        park.close();
    }

    @Test
    void a_new_park_starts_with_the_rules_counting_one_id_numbers_orders_on_saved_and_audited() {
        TenantsApi.Park fresh = api.park();

        List<Map<String, Object>> rules = TenantsApi.items(Map.of("items",
                api.expect(200, api.get("/api/v1/risk/rules", fresh.admin().token())).get("rules")));

        assertThat(rules).extracting(r -> r.get("rule") + " " + r.get("enabled") + " " + r.get("threshold") + "/"
                + r.get("windowHours") + "h " + r.get("ratioPercent") + "%").containsExactly(
                "FREQUENT_BUYER true 6/24h 0%", "PROXY_BUYING false 4/168h 0%", "ORDER_SPLITTING true 3/72h 90%",
                "IDENTITY_FAILURES true 2/720h 0%", "SALES_SPIKE false 30/1h 500%");
        assertThat(Rows.column(park.shop().vitrine(), "SELECT CONCAT(subject_id, ' ', actor_role, ' ', detail) FROM "
                + "audit_events WHERE tenant_id = ? AND action = 'risk.rules.changed' ORDER BY subject_id", fresh.id()))
                .hasSize(5).allSatisfy(line -> assertThat(line).contains("PLATFORM_ADMIN").endsWith("(the park's onboarding)"));
        // the holding park's admin changed one figure of one rule; the rest is as onboarded
        assertThat(TenantsApi.items(Map.of("items", api.expect(200, api.get("/api/v1/risk/rules", parkAdmin))
                .get("rules")))).anySatisfy(r -> assertThat(r).containsEntry("rule", "FREQUENT_BUYER")
                .containsEntry("enabled", true).containsEntry("threshold", 1).containsEntry("windowHours", 24));
    }

    @Test
    void a_held_order_is_not_declared_until_released_and_then_once() {
        String orderNo = park.heldOrder();
        Map<String, Object> flag = park.flagOf(orderNo);
        assertThat(flag).containsEntry("status", "OPEN").containsEntry("tenant", park.shop().slug());
        assertThat(flag.get("rules")).isEqualTo(List.of("FREQUENT_BUYER"));
        assertThat(api.expect(200, api.get("/api/v1/orders/" + orderNo, retailer))).containsEntry("status", "ON_HOLD");
        assertThat(api.get("/api/v1/declarations/" + orderNo, retailer).statusCode()).isEqualTo(404);
        assertThat(park.flagOf(retailer, orderNo)).as("the merchant sees its own held orders").isPresent();

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
        assertThat(decisions(flag.get("id"))).containsExactly("risk.flag.released");
    }

    @Test
    void a_cancelled_hold_is_refunded_and_never_declared() {
        String orderNo = park.heldOrder();
        String id = (String) park.flagOf(orderNo).get("id");

        api.expect(200, api.post("/api/v1/risk/flags/" + id + "/resolve", parkAdmin, Map.of("decision", "CANCEL")));

        assertThat(api.expect(200, api.get("/api/v1/orders/" + orderNo, retailer))).containsEntry("status", "CANCELLED");
        assertThat(api.get("/api/v1/declarations/" + orderNo, retailer).statusCode()).isEqualTo(404);
        assertThat(park.shop().fake().trade(orderNo).orElseThrow().refunds()).hasSize(1);
        api.expectProblem(409, api.post("/api/v1/risk/flags/" + id + "/resolve", parkAdmin,
                Map.of("decision", "CANCEL")));
        assertThat(park.shop().fake().trade(orderNo).orElseThrow().refunds()).hasSize(1);
        assertThat(decisions(id)).containsExactly("risk.flag.cancelled");
    }

    @Test
    void another_park_sees_no_flag_and_cannot_resolve_one_and_a_merchant_cannot_resolve() {
        String orderNo = park.heldOrder();
        String id = (String) park.flagOf(orderNo).get("id");
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
        String orderNo = park.heldOrder();
        String id = (String) park.flagOf(orderNo).get("id");

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
        park.heldOrder();
        List<Map<String, Object>> scores = TenantsApi.items(api.json(api.get("/api/v1/risk/scores", parkAdmin)));
        assertThat(scores).anySatisfy(s -> {
            assertThat(s).containsEntry("tenant", park.shop().slug());
            assertThat(((Number) s.get("flags")).intValue()).isPositive();
            assertThat(((Number) s.get("score")).intValue()).isBetween(0, 99);
        });
        assertThat(TenantsApi.items(api.json(api.get("/api/v1/risk/scores", api.park().admin().token())))).isEmpty();
    }

    /** The audit trail's decisions on the flag, oldest first (concerning the order's merchant). */
    private List<String> decisions(Object flagId) {
        return Rows.column(park.shop().vitrine(), "SELECT action FROM audit_events WHERE tenant_id = ? AND "
                + "subject_type = 'risk_flag' AND subject_id = ? ORDER BY id", park.shop().tenant().value(),
                (String) flagId);
    }

    @SuppressWarnings("unchecked")
    private static List<String> fields(Map<String, Object> problem) {
        return ((List<Map<String, Object>>) problem.get("errors")).stream().map(e -> (String) e.get("field")).toList();
    }
}
