package io.vitrine.api.console;

import io.vitrine.api.catalog.CatalogSamples;
import io.vitrine.api.tenants.SampleCodes;
import io.vitrine.api.tenants.TenantsApi;
import io.vitrine.api.tenants.TenantsApi.Merchant;
import io.vitrine.api.tenants.TenantsApi.Park;
import io.vitrine.api.testing.EmbeddedVitrine;
import io.vitrine.api.testing.HeadlessChromium;
import io.vitrine.api.testing.RunningVitrine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retailer's catalog pages in real headless Chromium (issue #4): signed in from the sign-in page, the retailer
 * admin opens Products from the navigation, searches a product by its brand, opens it, types a new price, saves, and
 * finds the new price (and the price with tax the catalog computes from it) in the list.
 */
@ExtendWith(EmbeddedVitrine.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogConsoleBrowserTest {

    private final RunningVitrine vitrine;
    private final TenantsApi api;
    private Merchant merchant;
    private HeadlessChromium chromium;
    private WebDriver browser;

    CatalogConsoleBrowserTest(RunningVitrine vitrine) {
        this.vitrine = vitrine;
        this.api = new TenantsApi(vitrine);
    }

    @BeforeAll
    void aRetailerWithAProduct() {
        Park park = api.park();
        api.expect(201, api.post("/api/v1/parks/" + park.slug() + "/warehouses", park.admin().token(),
                Map.of("code", "QH-CAT", "name", "Qianhai bonded", "emsNo", "T5349W5", "customsCode", "5349",
                        "areaCode", "5349W", "operatorUscc", SampleCodes.uscc())));
        merchant = api.merchant(park);
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
    void a_retailer_admin_changes_a_products_price_and_sees_it_in_the_list() {
        Properties text = ConsoleBrowserTest.Messages.of("zh-CN");
        String sku = SampleCodes.unique("FORMULA").toUpperCase();
        String brand = SampleCodes.unique("brand");
        api.expect(201, api.post("/api/v1/products", merchant.admin().token(),
                CatalogSamples.with(CatalogSamples.formula(sku, "QH-CAT"), "brand", brand)));

        chromium.signIn(vitrine.uri("/console"), merchant.admin().username(), merchant.admin().password());
        chromium.clickThrough(By.cssSelector(".console-nav a[href^='/console/products?']"));

        waitFor(By.id("filter-q"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(text.getProperty("products.title"));
        type("filter-q", brand);
        chromium.clickThrough(By.cssSelector("[data-testid=product-search] button[type=submit]"));
        waitFor(By.cssSelector("tr[data-sku='" + sku + "'] a"));
        chromium.clickThrough(By.cssSelector("tr[data-sku='" + sku + "'] a"));

        waitFor(By.id("f-price"));
        assertThat(browser.findElement(By.id("f-price")).getAttribute("value")).isEqualTo("299.00");
        type("f-price", "259.90");
        chromium.screenshot("console-product-form");
        chromium.clickThrough(By.cssSelector("[data-testid=product-form] button[type=submit]"));
        waitFor(By.cssSelector("[data-testid=saved]"));
        assertThat(browser.findElement(By.id("f-price")).getAttribute("value")).isEqualTo("259.90");

        chromium.clickThrough(By.cssSelector(".console > p a[href^='/console/products?']"));
        type(waitFor(By.id("filter-q")), sku);
        // the unfiltered list may already show the row: wait until the filtered page replaced it
        chromium.clickThrough(By.cssSelector("[data-testid=product-search] button[type=submit]"));
        WebElement row = waitFor(By.cssSelector("tr[data-sku='" + sku + "']"));
        // 259.90 at 1210, 13% VAT x 70% = 9.1%: tax 23.65
        assertThat(row.findElement(By.cssSelector("[data-testid='price-" + sku + "']")).getText()).isEqualTo("¥259.90");
        assertThat(row.findElement(By.cssSelector("[data-testid='price-with-tax-" + sku + "']")).getText())
                .isEqualTo("¥283.55");
        chromium.screenshot("console-products");
    }

    private void type(String id, String value) {
        type(browser.findElement(By.id(id)), value);
    }

    private static void type(WebElement input, String value) {
        input.clear();
        input.sendKeys(value);
    }

    private WebElement waitFor(By element) {
        return chromium.await(element, "console-catalog-failed");
    }
}
