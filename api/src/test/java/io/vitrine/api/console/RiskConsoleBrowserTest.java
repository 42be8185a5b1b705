package io.vitrine.api.console;

import io.vitrine.api.risk.HoldingPark;
import io.vitrine.api.tenants.Rows;
import io.vitrine.api.tenants.TenantsApi;
import io.vitrine.api.testing.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The park's risk review queue in real headless Chromium (issue #9 "Risk control"): two paid orders of a member held
 * by FREQUENT_BUYER ({@link HoldingPark}); the park admin signs in, finds both in {@code /console/risk} with the rule
 * that held them, releases one with a note — customs' simulator then gets its declaration — and cancels the other,
 * refunded in full at the fake Alipay; the decided tabs list each, and the audit trail records both decisions under
 * the admin's name.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RiskConsoleBrowserTest {

    private HoldingPark park;
    private TenantsApi api;
    private HeadlessChromium chromium;
    private WebDriver browser;

    @BeforeAll
    void aParkHoldingEveryOrder() {
        park = HoldingPark.start();
        api = park.api();
        chromium = new HeadlessChromium(1280, 1600);
        browser = chromium.driver();
    }

    @AfterAll
    void close() {
        if (chromium != null) {
            chromium.close();
        }
        park.close();
    }

    @Test
    void a_park_admin_releases_one_held_order_and_cancels_another_with_its_refund() {
        Properties text = ConsoleBrowserTest.Messages.of("en");
        String released = park.heldOrder();
        String cancelled = park.heldOrder();
        String releasedFlag = (String) park.flagOf(released).get("id");
        String cancelledFlag = (String) park.flagOf(cancelled).get("id");

        chromium.signIn(park.shop().vitrine().uri("/console/risk?lang=en"), park.admin().username(),
                park.admin().password());
        WebElement held = waitFor(By.cssSelector("[data-testid=risk-flags] tr[data-order='" + released + "']"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(text.getProperty("risk.title"));
        assertThat(held.getAttribute("data-status")).isEqualTo("OPEN");
        WebElement rule = held.findElement(By.cssSelector("[data-rule=FREQUENT_BUYER]"));
        assertThat(rule.getText()).isEqualTo(text.getProperty("risk.rule.FREQUENT_BUYER"));
        // readable on the console's white table (the landing page's badge, white on white here, was not)
        assertThat(rule.getCssValue("color")).isNotIn("rgba(255, 255, 255, 1)", "rgb(255, 255, 255)");
        assertThat(held.getText()).contains(park.shop().slug());
        assertThat(browser.findElement(By.cssSelector("tr[data-order='" + cancelled + "']")).getText())
                .contains(text.getProperty("risk.rule.FREQUENT_BUYER"));
        chromium.screenshot("risk-queue");

        browser.findElement(By.id("note-" + releasedFlag)).sendKeys("buyer called back");
        chromium.clickThrough(By.cssSelector("[data-testid=release-" + released + "]"));
        assertThat(waitFor(By.cssSelector(".notice--ok")).getText()).isEqualTo(text.getProperty("risk.done.RELEASED"));
        assertThat(browser.findElements(By.cssSelector("tr[data-order='" + released + "']"))).isEmpty();

        chromium.clickThrough(By.cssSelector("[data-testid=cancel-" + cancelled + "]"));
        assertThat(waitFor(By.cssSelector(".notice--ok")).getText()).isEqualTo(text.getProperty("risk.done.CANCELLED"));
        assertThat(browser.findElements(By.cssSelector("tr[data-order='" + cancelled + "']"))).isEmpty();

        assertThat(decided("RELEASED", released)).contains(text.getProperty("risk.status.RELEASED"), "buyer called back");
        chromium.screenshot("risk-released");
        assertThat(decided("CANCELLED", cancelled)).contains(text.getProperty("risk.status.CANCELLED"));

        // the released order went to customs (the simulator has its declaration); the cancelled one was refunded once
        park.awaitDeclared(released);
        assertThat(api.expect(200, api.get("/api/v1/orders/" + released, park.shop().token())).get("status"))
                .isNotIn("ON_HOLD", "PAID", "CANCELLED");
        assertThat(api.expect(200, api.get("/api/v1/orders/" + cancelled, park.shop().token())))
                .containsEntry("status", "CANCELLED");
        assertThat(api.get("/api/v1/declarations/" + cancelled, park.shop().token()).statusCode()).isEqualTo(404);
        assertThat(park.shop().fake().trade(cancelled).orElseThrow().refunds()).hasSize(1);
        assertThat(park.shop().fake().trade(released).orElseThrow().refunds()).isEmpty();

        assertThat(audit(releasedFlag)).containsExactly("risk.flag.released " + park.admin().username() + " order "
                + released + ": buyer called back");
        assertThat(audit(cancelledFlag)).containsExactly("risk.flag.cancelled " + park.admin().username() + " order "
                + cancelled);
    }

    /** The row of the order in the queue filtered by this decided status (chosen in the page's filter): its text. */
    private String decided(String status, String orderNo) {
        new Select(browser.findElement(By.id("filter-status"))).selectByValue(status);
        chromium.clickThrough(By.cssSelector("[data-testid=risk-filters] button[type=submit]"));
        WebElement row = waitFor(By.cssSelector("tr[data-order='" + orderNo + "'][data-status='" + status + "']"));
        return row.getText();
    }

    /** The audit trail's lines about the flag (concerning the order's merchant): action, who, detail. */
    private List<String> audit(String flagId) {
        return Rows.column(park.shop().vitrine(), "SELECT CONCAT(action, ' ', actor_name, ' ', detail) FROM audit_events "
                + "WHERE tenant_id = ? AND subject_type = 'risk_flag' AND subject_id = ? ORDER BY id",
                park.shop().tenant().value(), flagId);
    }

    private WebElement waitFor(By element) {
        return chromium.await(element, "risk-console-failed");
    }
}
