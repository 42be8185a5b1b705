package io.vitrine.api.console;

import io.vitrine.api.risk.HoldingPark;
import io.vitrine.api.tenants.TenantsApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The park console's review queue (issue #9 "Risk control") over plain HTTP as a browser sends its forms, in an
 * embedded application of its own ({@link HoldingPark}): the park admin sees the held order with the rule that held it, releases it
 * (a second click of the same form runs nothing, a fresh form finds it decided: 409), a rule form out of range is
 * refused next to the field with nothing saved, and a merchant's admin is not let in.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RiskConsoleTest {

    private static final Pattern TOKEN = Pattern.compile("name=\"formToken\" value=\"([A-Za-z0-9_-]+)\"");

    private HoldingPark park;
    private TenantsApi api;
    private TenantsApi.Account parkAdmin;

    @BeforeAll
    void aParkHoldingEveryOrder() {
        park = HoldingPark.start();
        api = park.api();
        parkAdmin = park.admin();
    }

    @AfterAll
    void close() {
        park.close();
    }

    @Test
    void a_park_admin_releases_a_held_order_from_the_queue_once() {
        String orderNo = park.heldOrder();
        String id = (String) park.flagOf(orderNo).get("id");
        ConsoleClient console = ConsoleClient.signedIn(park.shop().vitrine(), parkAdmin.username(), parkAdmin.password());

        HttpResponse<String> queue = console.get("/console/risk?lang=en");
        assertThat(queue.statusCode()).isEqualTo(200);
        assertThat(queue.body()).contains(orderNo, "Frequent buyer", "data-testid=\"release-" + orderNo + "\"");
        Map<String, String> release = new LinkedHashMap<>();
        release.put("decision", "RELEASE");
        release.put("note", "known buyer");
        release.put("formToken", token(queue.body()));

        HttpResponse<String> released = console.post("/console/risk/flags/" + id + "?lang=en", release);
        HttpResponse<String> clickedTwice = console.post("/console/risk/flags/" + id + "?lang=en", release);
        // the page opened again before the first answer came: another form, another token
        release.put("formToken", "another-" + java.util.UUID.randomUUID());
        HttpResponse<String> freshForm = console.post("/console/risk/flags/" + id + "?lang=en", release);

        assertThat(released.statusCode()).isEqualTo(303);
        assertThat(released.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
                .contains("/console/risk", "done=RELEASED"));
        assertThat(clickedTwice.statusCode()).isEqualTo(303);
        assertThat(freshForm.statusCode()).isEqualTo(409);
        assertThat(Html.testId(freshForm.body(), "risk-conflict")).contains("decided already");
        Map<String, Object> flag = api.expect(200, api.get("/api/v1/risk/flags/" + id, parkAdmin.token()));
        assertThat(flag).containsEntry("status", "RELEASED").containsEntry("note", "known buyer");
        assertThat(console.get("/console/risk?status=RELEASED&lang=en").body()).contains(orderNo, "known buyer");
        park.awaitDeclared(orderNo);
    }

    @Test
    void a_rule_out_of_range_is_refused_next_to_its_field_and_nothing_is_saved() {
        ConsoleClient console = ConsoleClient.signedIn(park.shop().vitrine(), parkAdmin.username(), parkAdmin.password());
        Map<String, String> form = new LinkedHashMap<>();
        for (String rule : List.of("FREQUENT_BUYER", "PROXY_BUYING", "ORDER_SPLITTING", "IDENTITY_FAILURES", "SALES_SPIKE")) {
            form.put(rule + ".threshold", "5");
            form.put(rule + ".windowHours", "24");
        }
        form.put("FREQUENT_BUYER.enabled", "on");
        form.put("FREQUENT_BUYER.threshold", "0");
        form.put("ORDER_SPLITTING.ratioPercent", "90");
        form.put("SALES_SPIKE.ratioPercent", "many");

        HttpResponse<String> refused = console.post("/console/risk/rules?lang=en", form);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Html.hasTestId(refused.body(), "error-FREQUENT_BUYER.threshold")).isTrue();
        assertThat(Html.hasTestId(refused.body(), "error-SALES_SPIKE.ratioPercent")).isTrue();
        assertThat(TenantsApi.items(Map.of("items", api.expect(200, api.get("/api/v1/risk/rules", parkAdmin.token()))
                .get("rules")))).anySatisfy(r -> assertThat(r).containsEntry("rule", "FREQUENT_BUYER")
                .containsEntry("threshold", 1).containsEntry("enabled", true))
                .anySatisfy(r -> assertThat(r).containsEntry("rule", "PROXY_BUYING").containsEntry("enabled", false));
    }

    @Test
    void a_merchants_admin_is_not_let_in() {
        ConsoleClient console = ConsoleClient.signedIn(park.shop().vitrine(), park.shop().merchant().admin().username(),
                park.shop().merchant().admin().password());

        assertThat(console.get("/console/risk?lang=en").statusCode()).isEqualTo(403);
    }

    private static String token(String page) {
        Matcher found = TOKEN.matcher(page);
        assertThat(found.find()).as("a form token on the page").isTrue();
        return found.group(1);
    }
}
