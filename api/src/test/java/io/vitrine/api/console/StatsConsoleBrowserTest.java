package io.vitrine.api.console;

import io.micronaut.transaction.TransactionOperations;
import io.vitrine.api.tenants.TenantsApi;
import io.vitrine.api.tenants.TenantsApi.Merchant;
import io.vitrine.api.testing.EmbeddedVitrine;
import io.vitrine.api.testing.HeadlessChromium;
import io.vitrine.api.testing.RunningVitrine;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.oversight.stats.OrderKeys;
import io.vitrine.oversight.stats.StatsDelta;
import io.vitrine.oversight.stats.StatsRollups;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statistics dashboard in real headless Chromium (issue #9): a park admin signs in, opens Statistics from the
 * navigation, picks a range with the date pickers and the grouping by merchant, and reads the totals, one bar and one
 * row per member (never another park's merchant), and the export links; the same page in Chinese.
 */
@ExtendWith(EmbeddedVitrine.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatsConsoleBrowserTest {

    private final RunningVitrine vitrine;
    private final TenantsApi api;
    private TenantsApi.Park park;
    private HeadlessChromium chromium;
    private WebDriver browser;

    StatsConsoleBrowserTest(RunningVitrine vitrine) {
        this.vitrine = vitrine;
        this.api = new TenantsApi(vitrine);
    }

    @BeforeAll
    void aParkWithTwoMembersSelling() {
        park = api.park();
        Merchant first = api.merchant(park);
        Merchant second = api.merchant(park);
        Merchant elsewhere = api.merchant(api.park());
        add(first, LocalDate.of(2026, 4, 3), StatsDelta.paid(12_345, 1_123));
        add(first, LocalDate.of(2026, 4, 4), StatsDelta.paid(10_000, 910));
        add(second, LocalDate.of(2026, 4, 5), StatsDelta.paid(50_000, 4_550));
        add(elsewhere, LocalDate.of(2026, 4, 5), StatsDelta.paid(99_999, 0));
        chromium = new HeadlessChromium(1280, 1400);
        browser = chromium.driver();
    }

    @AfterAll
    void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void a_park_admin_picks_a_range_and_a_grouping_and_reads_its_members_figures() {
        browser.get(vitrine.uri("/console?lang=en").toString());
        waitFor(By.id("f-username"));
        type("f-username", park.admin().username());
        type("f-password", park.admin().password());
        chromium.clickThrough(By.cssSelector(".console form button[type=submit]"));
        waitFor(By.cssSelector(".console-nav a[href^='/console/stats']"));
        chromium.clickThrough(By.cssSelector(".console-nav a[href^='/console/stats']"));
        waitFor(By.id("filter-from"));
        pick("filter-from", "2026-04-01");
        pick("filter-to", "2026-04-30");
        new Select(browser.findElement(By.id("filter-groupBy"))).selectByValue("tenant");
        chromium.clickThrough(By.cssSelector("[data-testid=stats-apply]")); // the old page's tiles must not answer

        WebElement orders = waitFor(By.cssSelector("[data-testid=total-orders]"));
        assertThat(orders.getText()).isEqualTo("3");
        assertThat(browser.findElement(By.cssSelector("[data-testid=total-gmv]")).getText()).isEqualTo("¥723.45");
        assertThat(browser.findElements(By.cssSelector("[data-testid=stats-chart] [data-testid=bar]"))).hasSize(2);
        assertThat(browser.findElements(By.cssSelector("[data-testid=stats-row]"))).hasSize(2);
        assertThat(browser.findElement(By.cssSelector("[data-testid=export-xlsx]")).getAttribute("href"))
                .contains("/console/stats/-/export?format=xlsx&from=2026-04-01&to=2026-04-30&groupBy=tenant");
        chromium.screenshot("console-stats-by-tenant");

        browser.get(vitrine.uri("/console/stats?lang=zh-CN&from=2026-04-01&to=2026-04-30&groupBy=day").toString());
        WebElement heading = waitFor(By.cssSelector(".console__heading h1"));
        assertThat(heading.getText()).contains("统计");
        assertThat(browser.findElements(By.cssSelector("[data-testid=stats-row]"))).hasSize(30);
        assertThat(browser.findElement(By.cssSelector("[data-testid=total-orders]")).getText()).isEqualTo("3");
    }

    private void add(Merchant merchant, LocalDate day, StatsDelta delta) {
        @SuppressWarnings("unchecked")
        TransactionOperations<Connection> transactions = vitrine.bean(TransactionOperations.class);
        transactions.executeWrite(status -> {
            vitrine.bean(StatsRollups.class).add(new OrderKeys(TenantId.of(merchant.id()), "S001", "1210", "116"),
                    day, delta);
            return null;
        });
    }

    /** A date picker set as a person's choice would set it (the value, then the input and change events). */
    private void pick(String id, String day) {
        ((JavascriptExecutor) browser).executeScript("const e = document.getElementById(arguments[0]);"
                + "e.value = arguments[1]; e.dispatchEvent(new Event('input', {bubbles: true}));"
                + "e.dispatchEvent(new Event('change', {bubbles: true}));", id, day);
    }

    private void type(String id, String value) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    private WebElement waitFor(By what) {
        return new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.presenceOfElementLocated(what));
    }
}
