package io.vitrine.api.console;

import io.vitrine.api.catalog.CatalogSamples;
import io.vitrine.api.catalog.ProductImports;
import io.vitrine.api.tenants.SampleCodes;
import io.vitrine.api.tenants.TenantsApi;
import io.vitrine.api.tenants.TenantsApi.Merchant;
import io.vitrine.api.tenants.TenantsApi.Park;
import io.vitrine.api.testing.BrowserDownloads;
import io.vitrine.api.testing.EmbeddedVitrine;
import io.vitrine.api.testing.HeadlessChromium;
import io.vitrine.api.testing.RunningVitrine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retailer's "Import products" page in Chromium: sign in, upload a CSV with a refused row, follow the job to
 * its end with the refused row listed, then export the catalog from the page's link.
 */
@ExtendWith(EmbeddedVitrine.class)
class ProductImportBrowserTest {

    private final RunningVitrine vitrine;
    private final TenantsApi api;
    private final ConsoleFixtures fixtures;
    private HeadlessChromium chromium;
    private WebDriver browser;
    private BrowserDownloads files;

    ProductImportBrowserTest(RunningVitrine vitrine) {
        this.vitrine = vitrine;
        this.api = new TenantsApi(vitrine);
        this.fixtures = new ConsoleFixtures(vitrine);
    }

    @BeforeEach
    void openBrowser() throws IOException {
        chromium = new HeadlessChromium(1280, 1600);
        browser = chromium.driver();
        files = BrowserDownloads.of(chromium, "vitrine-product-import-");
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
        if (files != null) {
            files.close();
        }
    }

    @Test
    void a_retailer_imports_products_sees_the_refused_row_and_exports_the_catalog() throws IOException {
        Properties text = ConsoleBrowserTest.Messages.of("en");
        Park park = api.park();
        fixtures.warehouse(park, "PB-01");
        Merchant merchant = api.merchant(park);
        String prefix = SampleCodes.unique("PB").toUpperCase();
        Path csv = files.file("products.csv");
        Files.writeString(csv, String.join("\r\n", ProductImports.HEADER,
                ProductImports.line(prefix + "-1", CatalogSamples.gtin(), "PB-01", 29900),
                ProductImports.line(ProductImports.cells(prefix + "-2", CatalogSamples.gtin(), "PB-01", 100),
                        "categoryPath", "母婴/尿不湿"),
                ProductImports.line(prefix + "-3", CatalogSamples.gtin(), "PB-01", 19900)) + "\r\n", StandardCharsets.UTF_8);

        chromium.signIn(vitrine.uri("/console/products/-/import?lang=en"), merchant.admin().username(),
                merchant.admin().password());
        waitFor(By.id("f-file")).sendKeys(csv.toString());
        assertThat(browser.findElement(By.cssSelector(".console-nav a[href^='/console/products/-/import']")).getText())
                .isEqualTo(text.getProperty("console.nav.productImport"));
        browser.findElement(By.cssSelector("#product-import-form button[type=submit]")).click();

        waitFor(By.cssSelector("#product-import[data-job-status]"));
        chromium.screenshot("product-import-done");
        assertThat(browser.findElement(By.id("product-import")).getAttribute("data-job-status")).isEqualTo("SUCCEEDED");
        WebElement bar = browser.findElement(By.id("product-import-bar"));
        assertThat(bar.getAttribute("max")).isEqualTo("3");
        assertThat(bar.getAttribute("value")).isEqualTo("3");
        assertThat(browser.findElement(By.id("product-import-counts")).getText()).isEqualTo("done 2 · failed 1 · total 3");
        assertThat(browser.findElement(By.cssSelector("[data-testid=import-summary]")).getText())
                .startsWith("3 rows: 2 products created").contains("1 rows refused");
        List<WebElement> refused = browser.findElements(By.cssSelector("[data-testid=import-errors] tbody tr"));
        assertThat(refused).hasSize(1);
        assertThat(refused.get(0).getAttribute("data-row")).isEqualTo("3");
        assertThat(refused.get(0).getText()).contains("categoryPath").contains("UNKNOWN_CATEGORY");

        browser.findElement(By.cssSelector("[data-testid=export-csv]")).click();
        Path exported = files.single(Duration.ofSeconds(30));
        assertThat(exported.getFileName().toString()).startsWith("products-").endsWith(".csv");
        String content = Files.readString(exported, StandardCharsets.UTF_8);
        assertThat(content).startsWith("\uFEFF" + ProductImports.HEADER).contains(prefix + "-1,").contains(prefix + "-3,")
                .doesNotContain(prefix + "-2,");
    }

    private WebElement waitFor(By element) {
        return chromium.await(element, "product-import-failed", Duration.ofSeconds(60));
    }
}
