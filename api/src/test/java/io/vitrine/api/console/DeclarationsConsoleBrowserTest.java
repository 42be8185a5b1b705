package io.vitrine.api.console;

import io.vitrine.api.customs.DeclarationRows;
import io.vitrine.api.tenants.Rows;
import io.vitrine.api.tenants.TenantsApi;
import io.vitrine.api.tenants.TenantsApi.Merchant;
import io.vitrine.api.testing.EmbeddedVitrine;
import io.vitrine.api.testing.HeadlessChromium;
import io.vitrine.api.testing.RunningVitrine;
import io.vitrine.customs.declaration.DeclarationStatus;
import io.vitrine.kernel.tenancy.TenantId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rejected declaration's page in real headless Chromium (issue #6 "Console"): the retailer admin signs in, opens
 * Declarations from the navigation, the rejected list, the declaration; reads the timeline in order, follows the
 * signed XML link (the browser's cookie signs the API read, which is audited), and sends the correct-and-resubmit
 * form, whose script posts JSON to the resubmit API and shows its answer on the page.
 */
@ExtendWith(EmbeddedVitrine.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeclarationsConsoleBrowserTest {

    private final RunningVitrine vitrine;
    private final TenantsApi api;
    private Merchant merchant;
    private String orderNo;
    private String guid;
    private HeadlessChromium chromium;
    private WebDriver browser;

    DeclarationsConsoleBrowserTest(RunningVitrine vitrine) {
        this.vitrine = vitrine;
        this.api = new TenantsApi(vitrine);
    }

    @BeforeAll
    void aRejectedDeclaration() {
        merchant = api.merchant(api.park());
        DeclarationRows rows = new DeclarationRows(vitrine);
        TenantId tenant = TenantId.of(merchant.id());
        orderNo = DeclarationRows.orderNo();
        guid = DeclarationRows.guid();
        Instant at = Instant.parse("2026-11-20T02:00:00Z");
        rows.open(DeclarationRows.declaration(tenant, orderNo, DeclarationStatus.REJECTED, at, at.plusSeconds(300),
                "consigneeDistrict DISTRICT_CODE"), guid, "CEB311");
        rows.sent(tenant, guid, DeclarationRows.signedXml(orderNo, guid), at.plusSeconds(1));
        rows.receipt(tenant, orderNo, guid, 2, at.plusSeconds(60), null);
        rows.receipt(tenant, orderNo, guid, -1, at.plusSeconds(300), "consigneeDistrict DISTRICT_CODE");
        chromium = new HeadlessChromium(1280, 1600);
        browser = chromium.driver();
    }

    @AfterAll
    void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void a_retailer_admin_reads_the_timeline_and_the_audited_xml_and_sends_the_correction() {
        chromium.signIn(vitrine.uri("/console?lang=en"), merchant.admin().username(), merchant.admin().password());
        waitFor(By.cssSelector(".console-nav a[href^='/console/declarations?']")).click();
        waitFor(By.cssSelector("[data-testid=rejected-link]")).click();
        waitFor(By.cssSelector("tr[data-order='" + orderNo + "'] a")).click();

        WebElement timeline = waitFor(By.cssSelector("[data-testid=timeline]"));
        List<String> steps = timeline.findElements(By.cssSelector("li")).stream()
                .map(li -> li.getAttribute("data-kind") + ":" + (li.getAttribute("data-type") != null
                        ? li.getAttribute("data-type") : li.getAttribute("data-status"))).toList();
        assertThat(steps).containsExactly("message:CEB311", "receipt:2", "receipt:-1");
        assertThat(timeline.getText()).contains("failed a format or business check", "consigneeDistrict DISTRICT_CODE");
        chromium.screenshot("console-declaration-rejected");

        type("f-consigneeName", "李四");
        type("f-consigneePhone", "13900139000");
        type("f-consigneeDistrict", "440305");
        type("f-consigneeAddress", "广东省深圳市南山区科技园2号");
        browser.findElement(By.cssSelector("[data-testid=resubmit-form] button[type=submit]")).click();
        // the answer of POST /api/v1/declarations/{orderNo}/resubmit is shown on the page (this fixture has no order
        // behind the declaration, so the API refuses it — or, before that endpoint exists, answers 404)
        WebElement problem = new WebDriverWait(browser, Duration.ofSeconds(20)).until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=resubmit-problem]")));
        assertThat(problem.getText()).startsWith("Not resubmitted:");

        browser.findElement(By.cssSelector("[data-testid='xml-" + guid + "']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().contains("/messages/" + guid));
        assertThat(browser.getPageSource()).contains(orderNo, "张三");
        assertThat(Rows.column(vitrine, "SELECT actor_name FROM audit_events WHERE action = 'DECLARATION_XML_READ' "
                + "AND subject_id = ?", guid)).containsExactly(merchant.admin().username());
    }

    private void type(String id, String value) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    private WebElement waitFor(By what) {
        return new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.elementToBeClickable(what));
    }
}
