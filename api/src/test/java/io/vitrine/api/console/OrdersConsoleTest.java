package io.vitrine.api.console;

import io.vitrine.api.customs.DeclarationRows;
import io.vitrine.api.storefront.AlipayShop;
import io.vitrine.api.tenants.Rows;
import io.vitrine.api.tenants.SampleCodes;
import io.vitrine.api.tenants.TenantsApi;
import io.vitrine.api.tenants.TenantsApi.Merchant;
import io.vitrine.api.testing.RunningVitrine;
import io.vitrine.customs.declaration.DeclarationStatus;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.kernel.time.ChinaTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retailer console's orders pages (issue #5 "Pages") over HTTP as a browser sends them, with orders placed
 * through the real placement path and paid on the fake Alipay ({@link AlipayShop}): the list's filters, the
 * order's page (amounts, masked people, payment, timeline), the cancel form (one-time token required, cross-site
 * refused, a refusal shown), another shop's order and another store's order not found.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrdersConsoleTest {

    private AlipayShop shop;
    private RunningVitrine vitrine;
    private TenantsApi api;
    private ConsoleClient admin;

    @BeforeAll
    void aShopTakingOrders() {
        shop = AlipayShop.start();
        vitrine = shop.vitrine();
        api = shop.api();
        admin = ConsoleClient.signedIn(vitrine, shop.merchant().admin().username(), shop.merchant().admin().password());
    }

    @AfterAll
    void close() {
        shop.close();
    }

    @Test
    void the_list_filters_by_status_store_and_china_days_and_links_each_order() {
        String unpaid = shop.placeOrder(AlipayShop.FORMULA, 1, "ALIPAY_QR");
        String paid = shop.placeOrder(AlipayShop.FORMULA, 1, "ALIPAY_QR");
        shop.pay(paid);
        String today = LocalDate.now(ChinaTime.ZONE).toString();
        String tomorrow = LocalDate.now(ChinaTime.ZONE).plusDays(1).toString();

        String all = page("/console/orders?lang=en");
        assertThat(all).contains("/console/orders/" + unpaid + "?lang=en", "/console/orders/" + paid + "?lang=en");
        assertThat(Html.testId(all, "total-" + paid)).isEqualTo("¥326.21");
        assertThat(Html.testId(all, "buyer-" + paid)).isEqualTo("张*");
        assertThat(all).doesNotContain("张三", "13800138000");

        String onlyPaid = page("/console/orders?status=PAID&lang=en");
        assertThat(onlyPaid).contains("data-order=\"" + paid + "\"").doesNotContain("data-order=\"" + unpaid + "\"");
        assertThat(page("/console/orders?status=PENDING_PAYMENT&store=S1&lang=en"))
                .contains("data-order=\"" + unpaid + "\"").doesNotContain("data-order=\"" + paid + "\"");
        assertThat(page("/console/orders?store=S9&lang=en")).contains("data-testid=\"no-orders\"");
        assertThat(page("/console/orders?from=" + today + "&to=" + today + "&lang=en"))
                .contains("data-order=\"" + paid + "\"", "data-order=\"" + unpaid + "\"");
        assertThat(page("/console/orders?from=" + tomorrow + "&lang=en")).contains("data-testid=\"no-orders\"");
        assertThat(page("/console/orders?to=2020-01-01&lang=en")).contains("data-testid=\"no-orders\"");

        HttpResponse<String> badDay = admin.get("/console/orders?from=30.11.2026&lang=en");
        assertThat(badDay.statusCode()).isEqualTo(400);
        assertThat(Html.testId(badDay.body(), "error-filter-from")).contains("YYYY-MM-DD");
        HttpResponse<String> badStatus = admin.get("/console/orders?status=LOST&lang=en");
        assertThat(badStatus.statusCode()).isEqualTo(400);
        assertThat(Html.hasTestId(badStatus.body(), "error-filter-status")).isTrue();
        assertThat(page("/console/orders?lang=zh-CN")).contains("订单", "已付款");
    }

    @Test
    void the_order_page_names_the_paired_kiosk_the_order_was_placed_on() {
        AlipayShop.PairedKiosk kiosk = shop.pairKiosk("S1");
        String onKiosk = shop.placeOrder(AlipayShop.FORMULA, 1, "ALIPAY_QR", "Cookie", kiosk.cookie());
        String onPhone = shop.placeOrder(AlipayShop.FORMULA, 1, "ALIPAY_WAP");

        assertThat(Html.testId(page("/console/orders/" + onKiosk + "?lang=en"), "device")).isEqualTo(kiosk.deviceKey());
        assertThat(Html.hasTestId(page("/console/orders/" + onPhone + "?lang=en"), "device")).isFalse();
    }

    @Test
    void the_order_page_shows_amounts_payment_masked_people_lines_and_timeline() {
        String orderNo = shop.placeOrder(AlipayShop.FORMULA, 1, "ALIPAY_QR");
        shop.pay(orderNo);

        String order = page("/console/orders/" + orderNo + "?lang=en");
        assertThat(Html.testId(order, "goods")).isEqualTo("¥299.00");
        assertThat(Html.testId(order, "tax")).isEqualTo("¥27.21");
        assertThat(Html.testId(order, "freight")).isEqualTo("¥0.00");
        assertThat(Html.testId(order, "buyer-name")).isEqualTo("张*");
        assertThat(Html.testId(order, "buyer-id")).startsWith("1101").contains("**********");
        assertThat(Html.testId(order, "consignee-address")).isEqualTo("440305 广东省深圳市南山区****");
        assertThat(Html.testId(order, "trade-no")).isNotEqualTo("—");
        assertThat(Html.testId(order, "paid-at")).isNotEqualTo("—");
        assertThat(order).contains("data-sku=\"" + AlipayShop.FORMULA + "\"", "data-testid=\"cancel-form\"",
                "data-confirm=\"Cancel order " + orderNo + "?");
        assertThat(statuses(order)).containsExactly("PENDING_PAYMENT", "PAID");
        assertThat(order).doesNotContain("13800138000", "科技园").doesNotContain("<script>");
    }

    @Test
    void the_cancel_form_cancels_a_paid_order_once_and_refunds_it() {
        String orderNo = shop.placeOrder(AlipayShop.FORMULA, 1, "ALIPAY_QR");
        shop.pay(orderNo);
        String token = formToken(page("/console/orders/" + orderNo + "?lang=en"));
        Map<String, String> form = Map.of("formToken", token, "reason", "customer changed <b>mind</b>");

        HttpResponse<String> cancelled = admin.post("/console/orders/" + orderNo + "/cancel?lang=en", form);
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(303);
        assertThat(cancelled.headers().firstValue("Location")).hasValue("/console/orders/" + orderNo
                + "?cancelled=1&lang=en");
        // the same form again (a double click): the first answer, nothing runs twice
        assertThat(admin.post("/console/orders/" + orderNo + "/cancel?lang=en", form).statusCode()).isEqualTo(303);

        String order = page("/console/orders/" + orderNo + "?cancelled=1&lang=en");
        assertThat(Html.hasTestId(order, "cancelled")).isTrue();
        assertThat(Html.testId(order, "status")).isEqualTo("Cancelled");
        assertThat(statuses(order)).contains("CANCELLED");
        assertThat(order).contains("customer changed &lt;b&gt;mind&lt;/b&gt;").doesNotContain("<b>mind")
                .contains("data-note=\"true\"").doesNotContain("data-testid=\"cancel-form\"");
        assertThat(Html.testId(order, "refunded")).isEqualTo("¥326.21");
        assertThat(shop.fake().trade(orderNo).orElseThrow().refunds()).hasSize(1);
        assertThat(api.expect(200, api.get("/api/v1/orders/" + orderNo, token()))).containsEntry("status", "CANCELLED");
    }

    @Test
    void a_cancel_without_the_pages_token_or_from_another_site_is_refused_and_changes_nothing() {
        String orderNo = shop.placeOrder(AlipayShop.FORMULA, 1, "ALIPAY_QR");

        HttpResponse<String> noToken = admin.post("/console/orders/" + orderNo + "/cancel?lang=en",
                Map.of("reason", "x"));
        assertThat(noToken.statusCode()).isEqualTo(400);
        assertThat(Html.hasTestId(noToken.body(), "error-cancel")).isTrue();
        String token = formToken(page("/console/orders/" + orderNo + "?lang=en"));
        HttpResponse<String> crossSite = admin.postFromAnotherSite("/console/orders/" + orderNo + "/cancel",
                Map.of("formToken", token));
        assertThat(crossSite.statusCode()).isEqualTo(403);

        assertThat(api.expect(200, api.get("/api/v1/orders/" + orderNo, token())))
                .containsEntry("status", "PENDING_PAYMENT");
    }

    @Test
    void an_order_past_cancelling_shows_the_refusal_on_its_page() {
        String orderNo = shop.placeOrder(AlipayShop.FORMULA, 1, "ALIPAY_QR");
        shop.pay(orderNo);
        String token = formToken(page("/console/orders/" + orderNo + "?lang=en"));
        // fixture: customs took it meanwhile (the declaration flow is not built yet)
        assertThat(Rows.update(vitrine, "UPDATE orders SET status = 'DECLARING' WHERE order_no = ?", orderNo))
                .isEqualTo(1);

        HttpResponse<String> refused = admin.post("/console/orders/" + orderNo + "/cancel?lang=en",
                Map.of("formToken", token, "reason", "too late"));

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(Html.testId(refused.body(), "error-cancel")).contains("cannot be cancelled");
        assertThat(refused.body()).doesNotContain("data-testid=\"cancel-form\"");
        assertThat(shop.fake().trade(orderNo).orElseThrow().refunds()).isEmpty();
    }

    @Test
    void cancelling_an_order_customs_rejected_gives_its_declaration_up_so_it_is_never_resubmitted() {
        String orderNo = shop.placeOrder(AlipayShop.FORMULA, 1, "ALIPAY_QR");
        shop.pay(orderNo);
        // fixture: customs rejected its order leg (CEB312 100)
        assertThat(Rows.update(vitrine, "UPDATE orders SET status = 'REJECTED' WHERE order_no = ?", orderNo))
                .isEqualTo(1);
        Instant now = Instant.now();
        new DeclarationRows(vitrine).open(DeclarationRows.declaration(TenantId.of(shop.merchant().id()), orderNo,
                DeclarationStatus.REJECTED, now, now, "Order[1].OrderHead.consignee REQUIRED"), DeclarationRows.guid(),
                "CEB311");
        String token = formToken(page("/console/orders/" + orderNo + "?lang=en"));

        HttpResponse<String> cancelled = admin.post("/console/orders/" + orderNo + "/cancel?lang=en",
                Map.of("formToken", token, "reason", "buyer gave up"));

        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(303);
        assertThat(Rows.column(vitrine, "SELECT status FROM declarations WHERE order_no = ?", orderNo))
                .containsExactly("CANCELLED");
        assertThat(Html.testId(page("/console/orders/" + orderNo + "?lang=en"), "status")).isEqualTo("Cancelled");
        assertThat(shop.fake().trade(orderNo).orElseThrow().refunds()).hasSize(1);
    }

    @Test
    void another_shops_order_is_not_found() {
        String orderNo = shop.placeOrder(AlipayShop.FORMULA, 1, "ALIPAY_QR");
        Merchant other = api.merchant(shop.park());
        ConsoleClient theirs = ConsoleClient.signedIn(vitrine, other.admin().username(), other.admin().password());

        assertThat(theirs.get("/console/orders/" + orderNo + "?lang=en").statusCode()).isEqualTo(404);
        assertThat(theirs.get("/console/orders?lang=en").body()).doesNotContain(orderNo);
        String token = "t-" + java.util.UUID.randomUUID(); // any fresh one-time token
        assertThat(theirs.post("/console/orders/" + orderNo + "/cancel", Map.of("formToken", token)).statusCode())
                .isEqualTo(404);
        assertThat(api.expect(200, api.get("/api/v1/orders/" + orderNo, token())))
                .containsEntry("status", "PENDING_PAYMENT");
    }

    @Test
    void a_store_manager_sees_only_their_stores_orders() {
        String orderNo = shop.placeOrder(AlipayShop.FORMULA, 1, "ALIPAY_QR");
        String otherStore = "S2";
        api.expect(201, api.post("/api/v1/stores", token(), Map.of("code", otherStore, "name", "Store 2", "kind",
                "CONVENIENCE_STORE", "address", "2 Qianhai Rd", "district", "440305", "warehouseCode", "WH-1")));
        ConsoleClient elsewhere = manager(otherStore);
        ConsoleClient ofS1 = manager("S1");

        assertThat(elsewhere.get("/console/orders/" + orderNo + "?lang=en").statusCode()).isEqualTo(404);
        assertThat(elsewhere.get("/console/orders?lang=en").body()).doesNotContain(orderNo)
                .contains("href=\"/console/orders?lang=en\"");
        assertThat(elsewhere.get("/console/orders?store=S1&lang=en").body()).contains("data-testid=\"no-orders\"");
        String token = "t-" + java.util.UUID.randomUUID(); // any fresh one-time token
        assertThat(elsewhere.post("/console/orders/" + orderNo + "/cancel", Map.of("formToken", token))
                .statusCode()).isEqualTo(404);
        assertThat(ofS1.get("/console/orders?lang=en").body()).contains("data-order=\"" + orderNo + "\"");
        assertThat(ofS1.get("/console/orders/" + orderNo + "?lang=en").statusCode()).isEqualTo(200);
    }

    private ConsoleClient manager(String store) {
        String username = SampleCodes.unique("manager");
        Map<String, Object> invited = api.expect(201, api.post("/api/v1/staff", token(),
                Map.of("username", username, "role", "STORE_MANAGER", "storeCodes", List.of(store))));
        api.expect(201, api.post("/api/v1/invitations/" + invited.get("invitationToken") + "/accept", null,
                Map.of("password", "manager-password-123")));
        return ConsoleClient.signedIn(vitrine, username, "manager-password-123");
    }

    private String token() {
        return shop.merchant().admin().token();
    }

    private String page(String path) {
        HttpResponse<String> answer = admin.get(path);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return answer.body();
    }

    static String formToken(String page) {
        Matcher token = Pattern.compile("name=\"formToken\" value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).as("a form token on %s", page).isTrue();
        return token.group(1);
    }

    private static List<String> statuses(String page) {
        Matcher step = Pattern.compile("data-testid=\"step-([A-Z_]+)\"").matcher(page);
        List<String> found = new java.util.ArrayList<>();
        while (step.find()) {
            found.add(step.group(1));
        }
        return found;
    }
}
