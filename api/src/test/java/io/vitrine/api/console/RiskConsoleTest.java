package io.vitrine.api.console;

import io.vitrine.api.storefront.AlipayShop;
import io.vitrine.api.tenants.TenantsApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The park console's review queue (issue #9 "Risk control") over plain HTTP as a browser sends its forms, in an
 * embedded application of its own: the park admin sees the held order with the rule that held it, releases it
 * (a second click of the same form runs nothing, a fresh form finds it decided: 409), a rule form out of range is
 * refused next to the field with nothing saved, and a merchant's admin is not let in.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RiskConsoleTest {

    private static final Pattern TOKEN = Pattern.compile("name=\"formToken\" value=\"([A-Za-z0-9_-]+)\"");

    private AlipayShop shop;
    private TenantsApi api;
    private TenantsApi.Account parkAdmin;

    @BeforeAll
    void aParkHoldingEveryOrder() {
        shop = AlipayShop.start();
        api = shop.api();
        parkAdmin = shop.park().admin();
        // the customs codes added to the shop's settings (a PUT replaces them all: the Alipay app is sent back)
        Map<String, Object> settings = api.expect(200, api.get("/api/v1/tenant/settings", shop.token()));
        Map<String, Object> alipay = TenantsApi.object(settings, "alipay");
        Map<String, Object> app = new java.util.HashMap<>();
        app.put("appId", alipay.get("appId"));
        app.put("alipayPublicKey", alipay.get("alipayPublicKey"));
        Map<String, Object> replaced = new java.util.HashMap<>();
        replaced.put("alipay", app);
        replaced.put("customs", Map.of("ebcCode", "4403160Z8T", "ebcName", "Merchant Co."));
        replaced.put("alertWebhookUrl", settings.get("alertWebhookUrl"));
        api.expect(200, api.put("/api/v1/tenant/settings", shop.token(), replaced));
        api.expect(200, api.put("/api/v1/risk/rules", parkAdmin.token(),
                Map.of("rules", List.of(Map.of("rule", "FREQUENT_BUYER", "enabled", true, "threshold", 1)))));
    }

    @AfterAll
    void close() {
        shop.close();
    }

    @Test
    void a_park_admin_releases_a_held_order_from_the_queue_once() {
        String orderNo = shop.placeOrder(AlipayShop.FORMULA, 1, "ALIPAY_QR");
        shop.pay(orderNo);
        String id = (String) eventually(() -> flagOf(orderNo)).get("id");
        ConsoleClient console = ConsoleClient.signedIn(shop.vitrine(), parkAdmin.username(), parkAdmin.password());

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
        eventually(() -> api.get("/api/v1/declarations/" + orderNo, shop.token()).statusCode() == 200
                ? Optional.of(true) : Optional.empty());
    }

    @Test
    void a_rule_out_of_range_is_refused_next_to_its_field_and_nothing_is_saved() {
        ConsoleClient console = ConsoleClient.signedIn(shop.vitrine(), parkAdmin.username(), parkAdmin.password());
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
        ConsoleClient console = ConsoleClient.signedIn(shop.vitrine(), shop.merchant().admin().username(),
                shop.merchant().admin().password());

        assertThat(console.get("/console/risk?lang=en").statusCode()).isEqualTo(403);
    }

    private Optional<Map<String, Object>> flagOf(String orderNo) {
        return TenantsApi.items(api.json(api.get("/api/v1/risk/flags", parkAdmin.token()))).stream()
                .filter(f -> orderNo.equals(f.get("orderNo"))).findFirst();
    }

    private static String token(String page) {
        Matcher found = TOKEN.matcher(page);
        assertThat(found.find()).as("a form token on the page").isTrue();
        return found.group(1);
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
