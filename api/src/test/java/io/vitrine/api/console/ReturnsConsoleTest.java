package io.vitrine.api.console;

import io.vitrine.api.storefront.AlipayShop;
import io.vitrine.api.tenants.TenantsApi;
import io.vitrine.api.testing.RunningVitrine;
import io.vitrine.kernel.tenancy.TenantContext;
import io.vitrine.orders.ordering.Clearances;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retailer console's returns pages (issue #7 "Pages") over HTTP as a browser sends them: orders placed, paid on
 * the fake Alipay and released through {@link Clearances}, returns opened through the staff API; the queue in both
 * languages and its status filter, a return's page, approve and reject forms (one-time token required, a refusal
 * shown on the page), nothing found for a return number that is not the shop's; the refund shown before approval and
 * as recorded after, and a refund the fake Alipay refuses for good (REFUND_FAILED) retried by the admin, paid once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReturnsConsoleTest {

    private AlipayShop shop;
    private RunningVitrine vitrine;
    private TenantsApi api;
    private ConsoleClient admin;

    @BeforeAll
    void aShopWithReleasedOrders() {
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
    void the_queue_lists_returns_newest_first_in_both_languages_and_filters_by_status() {
        String first = requested("first reason");
        String second = requested("second reason");

        String en = page("/console/returns?lang=en");
        assertThat(en).contains("/console/returns/" + second + "?lang=en", "/console/returns/" + first + "?lang=en",
                "href=\"/console/returns?lang=en\"");
        assertThat(en.indexOf("data-return=\"" + second + "\"")).isLessThan(en.indexOf("data-return=\"" + first + "\""));
        assertThat(Html.testId(en, "status-" + first)).isEqualTo("Requested");
        assertThat(Html.testId(page("/console/returns?lang=zh-CN"), "status-" + first)).isEqualTo("已申请");
        assertThat(page("/console/returns?status=REFUNDED&lang=en")).doesNotContain("data-return=\"" + first + "\"")
                .contains("data-testid=\"no-returns\"");
        HttpResponse<String> bad = admin.get("/console/returns?status=NOPE&lang=en");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(Html.hasTestId(bad.body(), "error-filter-status")).isTrue();
    }

    @Test
    void approve_once_then_an_approval_from_a_stale_page_is_refused_on_it() {
        String returnNo = requested("too small");
        String one = page("/console/returns/" + returnNo + "?lang=en");
        String stale = page("/console/returns/" + returnNo + "?lang=en"); // another tab, opened before approving
        assertThat(Html.testId(one, "return-reason")).isEqualTo("too small");
        assertThat(one).contains("data-sku=\"" + AlipayShop.FORMULA + "\"", "data-testid=\"approve-form\"",
                "data-testid=\"reject-form\"").doesNotContain("data-testid=\"received-form\"");

        HttpResponse<String> approved = admin.post("/console/returns/" + returnNo + "/approve?lang=en",
                Map.of("formToken", OrdersConsoleTest.formToken(one)));
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(303);
        assertThat(approved.headers().firstValue("Location")).hasValue("/console/returns/" + returnNo
                + "?done=approved&lang=en");
        assertThat(api.expect(200, api.get("/api/v1/returns/" + returnNo, shop.token())))
                .containsEntry("status", "APPROVED");

        String after = page("/console/returns/" + returnNo + "?lang=en");
        assertThat(after).doesNotContain("data-testid=\"approve-form\"");
        HttpResponse<String> again = admin.post("/console/returns/" + returnNo + "/approve?lang=en",
                Map.of("formToken", OrdersConsoleTest.formToken(stale)));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(Html.testId(again.body(), "error-approve")).contains("current status");
    }

    @Test
    void reject_needs_a_reason_and_the_page_token_then_shows_it() {
        String returnNo = requested("changed my mind");
        String one = page("/console/returns/" + returnNo + "?lang=zh-CN");
        HttpResponse<String> noToken = admin.post("/console/returns/" + returnNo + "/reject?lang=en",
                Map.of("reason", "x"));
        assertThat(noToken.statusCode()).isEqualTo(400);
        HttpResponse<String> noReason = admin.post("/console/returns/" + returnNo + "/reject?lang=en",
                Map.of("formToken", OrdersConsoleTest.formToken(one), "reason", ""));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(Html.hasTestId(noReason.body(), "error-reason")).isTrue();
        assertThat(api.expect(200, api.get("/api/v1/returns/" + returnNo, shop.token())))
                .containsEntry("status", "REQUESTED");

        HttpResponse<String> rejected = admin.post("/console/returns/" + returnNo + "/reject?lang=en",
                Map.of("formToken", OrdersConsoleTest.formToken(one), "reason", "opened box"));
        assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(303);
        String shown = page("/console/returns/" + returnNo + "?lang=zh-CN");
        assertThat(Html.testId(shown, "return-status")).isEqualTo("已拒绝");
        assertThat(Html.testId(shown, "rejection-reason")).isEqualTo("opened box");
    }

    @Test
    void the_stores_manager_confirms_goods_received_once_customs_accepted_but_may_not_decide() {
        String returnNo = requested("wrong colour");
        String username = io.vitrine.api.tenants.SampleCodes.unique("manager");
        Map<String, Object> invited = api.expect(201, api.post("/api/v1/staff", shop.token(),
                Map.of("username", username, "role", "STORE_MANAGER", "storeCodes", List.of("S1"))));
        api.expect(201, api.post("/api/v1/invitations/" + invited.get("invitationToken") + "/accept", null,
                Map.of("password", "store-manager-password")));
        ConsoleClient manager = ConsoleClient.signedIn(vitrine, username, "store-manager-password");

        HttpResponse<String> listed = manager.get("/console/returns?lang=en");
        assertThat(listed.body()).contains("data-return=\"" + returnNo + "\"", "href=\"/console/returns?lang=en\"");
        HttpResponse<String> shown = manager.get("/console/returns/" + returnNo + "?lang=en");
        assertThat(shown.body()).doesNotContain("data-testid=\"approve-form\"");
        assertThat(manager.post("/console/returns/" + returnNo + "/approve?lang=en",
                Map.of("formToken", "a-token-of-its-own")).statusCode()).isEqualTo(403);

        api.expect(200, api.post("/api/v1/returns/" + returnNo + "/approve", shop.token(), Map.of()));
        io.vitrine.orders.returns.ReturnClearances customs = vitrine.bean(io.vitrine.orders.returns.ReturnClearances.class);
        TenantContext.callAs(shop.tenant(), () -> customs.declared(returnNo) & customs.accepted(returnNo));
        String accepted = manager.get("/console/returns/" + returnNo + "?lang=en").body();
        assertThat(accepted).contains("data-testid=\"received-form\"");
        HttpResponse<String> received = manager.post("/console/returns/" + returnNo + "/received?lang=en",
                Map.of("formToken", OrdersConsoleTest.formToken(accepted)));
        assertThat(received.statusCode()).as(received.body()).isEqualTo(303);
        assertThat((String) api.expect(200, api.get("/api/v1/returns/" + returnNo, shop.token())).get("status"))
                .isIn("GOODS_RECEIVED", "REFUNDED");
        assertThat(page("/console/returns/" + returnNo + "?done=received&lang=en"))
                .doesNotContain("data-testid=\"received-form\"").contains("data-testid=\"done\"");
    }

    @Test
    void the_refund_shows_before_approval_and_as_recorded_after_and_one_refused_for_good_is_retried_by_the_admin() {
        String returnNo = requested("not as described");
        Map<String, Object> asked = api.expect(200, api.get("/api/v1/returns/" + returnNo, shop.token()));
        Map<?, ?> line = (Map<?, ?>) ((List<?>) asked.get("items")).get(0);
        long goodsFen = ((Number) line.get("lineValueFen")).longValue();
        long taxFen = ((Number) line.get("lineTaxFen")).longValue();
        String before = page("/console/returns/" + returnNo + "?lang=en");
        assertThat(before).contains("data-recorded=\"false\"");
        assertThat(Html.testId(before, "refund-goods")).as("the whole line: its value").isEqualTo(yuan(goodsFen));
        assertThat(Html.testId(before, "refund-tax")).isEqualTo(yuan(taxFen));
        assertThat(Html.testId(before, "refund-freight")).as("the buyer pays the return freight").isEqualTo(yuan(0));
        String total = Html.testId(before, "refund-total");

        api.expect(200, api.post("/api/v1/returns/" + returnNo + "/approve", shop.token(), Map.of()));
        io.vitrine.orders.returns.ReturnClearances customs = vitrine.bean(io.vitrine.orders.returns.ReturnClearances.class);
        TenantContext.callAs(shop.tenant(), () -> customs.declared(returnNo) & customs.accepted(returnNo));
        shop.fake().faults().refuseNextRefunds(1, "ACQ.TRADE_NOT_EXIST");
        api.expect(200, api.post("/api/v1/returns/" + returnNo + "/received", shop.token(), null));
        awaitStatus(returnNo, "REFUND_FAILED");

        String failed = page("/console/returns/" + returnNo + "?lang=en");
        String stale = page("/console/returns/" + returnNo + "?lang=en"); // another tab, opened before retrying
        assertThat(failed).contains("data-recorded=\"true\"", "data-testid=\"retry-form\"");
        assertThat(Html.testId(failed, "return-status")).isEqualTo("Refund failed");
        assertThat(failed).contains("<code>ACQ.TRADE_NOT_EXIST</code>");
        assertThat(Html.testId(failed, "refund-total")).as("recorded as it was shown").isEqualTo(total);
        assertThat(shop.fake().trade(orderOf(returnNo)).orElseThrow().refunds()).isEmpty();

        HttpResponse<String> retried = admin.post("/console/returns/" + returnNo + "/retry-refund?lang=en",
                Map.of("formToken", OrdersConsoleTest.formToken(failed)));
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(303);
        assertThat(retried.headers().firstValue("Location")).hasValue("/console/returns/" + returnNo
                + "?done=retried&lang=en");
        awaitStatus(returnNo, "REFUNDED");
        assertThat(shop.fake().trade(orderOf(returnNo)).orElseThrow().refunds()).singleElement()
                .satisfies(paid -> assertThat(paid.outRequestNo()).isEqualTo(returnNo));
        assertThat(admin.post("/console/returns/" + returnNo + "/retry-refund?lang=en",
                Map.of("formToken", OrdersConsoleTest.formToken(failed))).statusCode())
                .as("the same form sent again: its first answer").isEqualTo(303);
        HttpResponse<String> again = admin.post("/console/returns/" + returnNo + "/retry-refund?lang=en",
                Map.of("formToken", OrdersConsoleTest.formToken(stale)));
        assertThat(again.statusCode()).as("a stale page's retry: nothing more").isEqualTo(409);
        assertThat(Html.testId(again.body(), "error-retry")).contains("current status");
        assertThat(shop.fake().trade(orderOf(returnNo)).orElseThrow().refunds()).hasSize(1);
    }

    @Test
    void an_unknown_return_is_not_found() {
        assertThat(admin.get("/console/returns/R00000000000000?lang=en").statusCode()).isEqualTo(404);
    }

    /** A released order of one unit, asked back at the counter: the return's number. */
    private String requested(String reason) {
        String orderNo = shop.placeOrder(AlipayShop.FORMULA, 1, "ALIPAY_QR");
        shop.pay(orderNo);
        shop.release(orderNo);
        Map<String, Object> opened = api.expect(201, api.post("/api/v1/orders/" + orderNo + "/returns", shop.token(),
                Map.of("items", List.of(Map.of("sku", AlipayShop.FORMULA, "qty", 1)), "reason", reason)));
        return (String) opened.get("returnNo");
    }

    private String orderOf(String returnNo) {
        return (String) api.expect(200, api.get("/api/v1/returns/" + returnNo, shop.token())).get("orderNo");
    }

    /** Waits (30 s at most) for the embedded application's outbox to move the return to {@code status}. */
    private void awaitStatus(String returnNo, String status) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (!status.equals(api.expect(200, api.get("/api/v1/returns/" + returnNo, shop.token())).get("status"))) {
            assertThat(System.nanoTime()).as(returnNo + " " + status + " within 30 s").isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static String yuan(long fen) {
        return io.vitrine.kernel.money.Money.ofFen(fen).toDisplayString();
    }

    private String page(String path) {
        HttpResponse<String> page = admin.get(path);
        assertThat(page.statusCode()).as(path + ": " + page.body()).isEqualTo(200);
        return page.body();
    }
}
