package io.vitrine.api.console;

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
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import static io.vitrine.api.tenants.TenantsApi.items;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store import page in real headless Chromium against the real endpoint (issue #3 "Bulk provisioning"):
 * a retailer admin signs in, chooses a CSV of stores (one row of it wrong), uploads it, watches the progress
 * bar reach the end, reads the refused row, and downloads the new credentials once; the second try says
 * they are gone.
 */
@ExtendWith(EmbeddedVitrine.class)
class StoreImportBrowserTest {

    private final RunningVitrine vitrine;
    private final TenantsApi api;
    private final ConsoleFixtures fixtures;
    private HeadlessChromium chromium;
    private WebDriver browser;
    private BrowserDownloads files;

    StoreImportBrowserTest(RunningVitrine vitrine) {
        this.vitrine = vitrine;
        this.api = new TenantsApi(vitrine);
        this.fixtures = new ConsoleFixtures(vitrine);
    }

    @BeforeEach
    void openBrowser() throws IOException {
        chromium = new HeadlessChromium(1280, 1600);
        browser = chromium.driver();
        files = BrowserDownloads.of(chromium, "vitrine-import-");
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
    void a_retailer_imports_stores_sees_the_refused_row_and_downloads_the_credentials_once() throws IOException {
        Properties text = ConsoleBrowserTest.Messages.of("en");
        Park park = api.park();
        fixtures.warehouse(park, "SI-01");
        Merchant merchant = api.merchant(park);
        String prefix = SampleCodes.unique("SI").toUpperCase().replaceAll("[^A-Z0-9]", "");
        Path csv = files.file("stores.csv");
        Files.writeString(csv, String.join("\r\n",
                "code,name,kind,address,district,lat,lng,warehouseCode,kiosks,pos",
                prefix + "-1,前海旗舰店,EXPERIENCE_STORE,深圳市南山区前海路1号,440305,22.543096,113.934021,SI-01,2,1",
                prefix + "-2,Nanshan 24h,CONVENIENCE_STORE,深圳市南山区科技园8号,440305,,,SI-01,1,0",
                prefix + "-3,Bad district,CONVENIENCE_STORE,1 Qianhai Rd,12345,,,SI-01,1,0",
                prefix + "-4,Shekou,CONVENIENCE_STORE,2 Shekou Rd,440305,,,SI-01,0,1") + "\r\n", StandardCharsets.UTF_8);

        chromium.signIn(vitrine.uri("/console/stores/-/import?lang=en"), merchant.admin().username(),
                merchant.admin().password());
        waitFor(By.id("f-file")).sendKeys(csv.toString());
        browser.findElement(By.cssSelector("#store-import-form button[type=submit]")).click();

        waitFor(By.cssSelector("#store-import[data-job-status]"));
        chromium.screenshot("store-import-done");
        assertThat(browser.findElement(By.id("store-import")).getAttribute("data-job-status")).isEqualTo("SUCCEEDED");
        WebElement bar = browser.findElement(By.id("store-import-bar"));
        assertThat(bar.getAttribute("max")).isEqualTo("4");
        assertThat(bar.getAttribute("value")).isEqualTo("4");
        assertThat(browser.findElement(By.id("store-import-status")).getText()).isEqualTo(text.getProperty("import.succeeded"));
        assertThat(browser.findElement(By.id("store-import-counts")).getText()).isEqualTo("done 3 · failed 1 · total 4");
        assertThat(browser.findElement(By.cssSelector("[data-testid=import-summary]")).getText())
                .startsWith("4 rows: 3 stores created").contains("1 rows refused");
        List<WebElement> refused = browser.findElements(By.cssSelector("[data-testid=import-errors] tbody tr"));
        assertThat(refused).hasSize(1);
        assertThat(refused.get(0).getAttribute("data-row")).isEqualTo("4");
        assertThat(refused.get(0).getText()).contains("district");

        // the credentials, once: the file arrives
        browser.findElement(By.id("store-import-result")).click();
        waitFor(By.cssSelector("[data-testid=result-note][data-outcome=downloaded]"));
        Path downloaded = files.single(Duration.ofSeconds(20));
        assertThat(downloaded.getFileName().toString()).startsWith("store-import-credentials-").endsWith(".csv");
        List<String> lines = Arrays.asList(Files.readString(downloaded, StandardCharsets.UTF_8).replace("\uFEFF", "")
                .split("\r\n"));
        assertThat(lines.get(0)).isEqualTo("row,storeCode,kind,deviceKey,secret,pairingCode");
        assertThat(lines.subList(1, lines.size())).hasSize(5) // 2 + 1 + 0 kiosks, 1 + 0 + 1 POS
                .allSatisfy(line -> assertThat(line).contains(prefix));
        assertThat(items(api.expect(200, api.get("/api/v1/devices?size=50", merchant.admin().token())))).hasSize(5);

        // and never again
        browser.findElement(By.id("store-import-result")).click();
        WebElement gone = waitFor(By.cssSelector("[data-testid=result-note][data-outcome=gone]"));
        assertThat(gone.getText()).isEqualTo(text.getProperty("import.gone"));
        chromium.screenshot("store-import-credentials-gone");
    }

    private WebElement waitFor(By element) {
        return chromium.await(element, "store-import-failed", Duration.ofSeconds(60));
    }
}
