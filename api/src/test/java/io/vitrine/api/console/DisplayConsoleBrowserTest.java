package io.vitrine.api.console;

import io.vitrine.api.tenants.Rows;
import io.vitrine.api.tenants.SampleCodes;
import io.vitrine.api.tenants.TenantsApi;
import io.vitrine.api.tenants.TenantsApi.Merchant;
import io.vitrine.api.tenants.TenantsApi.Park;
import io.vitrine.api.testing.EmbeddedVitrine;
import io.vitrine.api.testing.HeadlessChromium;
import io.vitrine.api.testing.RunningVitrine;
import io.vitrine.kernel.time.ChinaTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bonded display pages in real headless Chromium (issue #9): the retailer admin opens a display account for
 * its experience store from the console, sends 3 units out for display and sees them on display (and the
 * warehouse's count lower); the park admin then finds the account with its guarantee and the SKU not yet counted
 * by the store's POS.
 */
@ExtendWith(EmbeddedVitrine.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DisplayConsoleBrowserTest {

    private final RunningVitrine vitrine;
    private final TenantsApi api;
    private Park park;
    private Merchant merchant;
    private String warehouse;
    private String store;
    private String sku;
    private HeadlessChromium chromium;
    private WebDriver browser;

    DisplayConsoleBrowserTest(RunningVitrine vitrine) {
        this.vitrine = vitrine;
        this.api = new TenantsApi(vitrine);
    }

    @BeforeAll
    void aRetailerWithBondedStock() {
        park = api.park();
        warehouse = SampleCodes.unique("BW").toUpperCase();
        api.expect(201, api.post("/api/v1/parks/" + park.slug() + "/warehouses", park.admin().token(),
                Map.of("code", warehouse, "name", "Bonded", "emsNo", "T5349W7", "customsCode", "5349",
                        "areaCode", "5349W", "operatorUscc", SampleCodes.uscc())));
        merchant = api.merchant(park);
        store = SampleCodes.unique("X").toUpperCase();
        api.expect(201, api.post("/api/v1/stores", merchant.admin().token(), Map.of("code", store, "name", "体验店",
                "kind", "EXPERIENCE_STORE", "address", "1 Changfeng St", "district", "140105",
                "warehouseCode", warehouse)));
        sku = "BR-" + UUID.randomUUID().toString().substring(0, 8);
        String now = "2026-11-30 10:00:00.000000";
        Rows.update(vitrine, "INSERT INTO products (id, tenant_id, sku, name_zh, brand, category_path, hs_code, "
                + "origin_country, unit, unit1, qty1_per_unit, gross_weight_kg, net_weight_kg, vat_rate, "
                + "consumption_tax_rate, trade_mode, warehouse_code, price_fen, image_ids, created_at, updated_at) "
                + "VALUES (?, ?, ?, '样品', 'a2', '母婴/奶粉', '1901101000', '601', '122', '035', 0.9, 1.2, 0.9, 0.13, 0, "
                + "'1210', ?, 29900, '', ?, ?)", UUID.randomUUID().toString(), merchant.id(), sku, warehouse, now, now);
        api.expect(200, api.put("/api/v1/stock/" + warehouse + "/" + sku, merchant.admin().token(),
                Map.of("quantity", 10)));
    }

    @BeforeEach
    void openBrowser() {
        chromium = new HeadlessChromium(1280, 1600);
        browser = chromium.driver();
    }

    @AfterEach
    void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void a_retailer_sends_goods_out_for_display_and_the_park_sees_the_account() {
        Properties text = ConsoleBrowserTest.Messages.of("zh-CN");
        LocalDate today = ChinaTime.today(vitrine.bean(Clock.class));
        signIn(merchant.admin().username(), merchant.admin().password());
        chromium.clickThrough(By.cssSelector(".console-nav a[href^='/console/display?']"));
        waitFor(By.id("f-storeCode"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(text.getProperty("display.title"));
        type("f-storeCode", store);
        type("f-guaranteeYuan", "50000.00");
        type("f-guaranteeReference", "BG-2026-77");
        date("f-guaranteeExpiresOn", today.plusDays(120));
        date("f-displayFrom", today);
        date("f-displayTo", today.plusDays(90));
        chromium.clickThrough(By.cssSelector("[data-testid=account-form] button[type=submit]"));

        waitFor(By.cssSelector("[data-testid=saved]"));
        new Select(browser.findElement(By.id("f-kind"))).selectByValue("OUT_FOR_DISPLAY");
        type("f-sku", sku);
        type("f-quantity", "3");
        chromium.screenshot("console-display-movement");
        chromium.clickThrough(By.cssSelector("[data-testid=movement-form] button[type=submit]"));
        waitFor(By.cssSelector("[data-testid=saved]"));
        assertThat(browser.findElement(By.cssSelector("[data-testid=on-display]")).getText()).isEqualTo("3");
        assertThat(browser.findElement(By.cssSelector("[data-testid=movements]")).getText())
                .contains(text.getProperty("displayKind.OUT_FOR_DISPLAY"));
        assertThat(api.expect(200, api.get("/api/v1/stock/" + warehouse + "/" + sku, merchant.admin().token()))
                .get("onHand")).isEqualTo(7);

        browser.manage().deleteAllCookies();
        signIn(park.admin().username(), park.admin().password());
        chromium.clickThrough(By.cssSelector(".console-nav a[href^='/console/park/display?']"));
        WebElement guarantees = waitFor(By.cssSelector("[data-testid=guarantees]"));
        assertThat(guarantees.getText()).contains(merchant.slug()).contains(store).contains("BG-2026-77")
                .contains("¥50,000.00");
        assertThat(browser.findElement(By.cssSelector("[data-testid=lines]")).getText()).contains(sku)
                .contains(text.getProperty("reportFlag.NOT_COUNTED"));
        chromium.screenshot("console-park-display");
    }

    private void signIn(String username, String password) {
        browser.get(vitrine.uri("/console").toString());
        waitFor(By.id("f-username"));
        type("f-username", username);
        type("f-password", password);
        chromium.clickThrough(By.cssSelector(".console form button[type=submit]"));
        waitFor(By.cssSelector(".console-nav"));
    }

    /** A date input takes the date as the page's locale types it; setting the value is locale-free. */
    private void date(String id, LocalDate day) {
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];",
                browser.findElement(By.id(id)), day.toString());
    }

    private void type(String id, String value) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    private WebElement waitFor(By element) {
        return chromium.await(element, "console-display-failed");
    }
}
