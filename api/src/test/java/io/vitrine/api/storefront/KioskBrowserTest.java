package io.vitrine.api.storefront;

import io.vitrine.api.tenants.TenantsApi;
import io.vitrine.api.testing.HeadlessChromium;
import io.vitrine.api.testing.OwnVitrine;
import io.vitrine.api.testing.RunningVitrine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.vitrine.api.storefront.ShopFixture.A2;
import static io.vitrine.api.storefront.ShopFixture.APTAMIL;
import static io.vitrine.api.storefront.ShopFixture.CREAM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kiosk in real headless Chromium (issue #4 "Browser tests"): a shopper searches store S1's kiosk in Chinese,
 * full pinyin and initials (with the live suggestions), narrows by category and brand, opens a product, reads its
 * tax-inclusive price and scans its QR code (a screenshot of it, decoded by ZXing); left alone, the kiosk goes back
 * to its home screen. Its own application: the idle time is 6 seconds here, not 90.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KioskBrowserTest {

    private static final int IDLE_SECONDS = 6;

    private RunningVitrine vitrine;
    private TenantsApi api;
    private ShopFixture shop;
    private HeadlessChromium chromium;
    private WebDriver browser;

    @BeforeAll
    void aShopWithAKioskThatIdlesQuickly() {
        // a busy test machine may take the Lucene engine past the 2 s timeout, and the database fallback knows no pinyin
        vitrine = OwnVitrine.embedded(Map.of("vitrine.kiosk.idle-seconds", IDLE_SECONDS,
                "vitrine.storefront.search.timeout", "20s"));
        api = new TenantsApi(vitrine);
        shop = new ShopFixture(api);
    }

    @AfterAll
    void stop() {
        vitrine.close();
    }

    @BeforeEach
    void openBrowser() {
        chromium = new HeadlessChromium(1280, 1600);
        browser = chromium.driver();
    }

    @AfterEach
    void closeBrowser() {
        chromium.close();
    }

    @Test
    void a_shopper_searches_in_chinese_pinyin_and_initials_with_suggestions() {
        browser.get(kioskHome());
        assertThat(tiles()).containsExactlyInAnyOrder(A2, APTAMIL, CREAM);

        WebElement box = searchBox();
        box.sendKeys("奶粉");
        awaitSuggestion("奶粉");
        chromium.screenshot("kiosk-suggestions");
        browser.findElement(By.cssSelector("[data-testid=search-button]")).click();
        awaitUrlContaining("q=");
        assertThat(tiles()).containsExactlyInAnyOrder(A2, APTAMIL);

        searchBox().clear();
        searchBox().sendKeys("naifen", Keys.ENTER);
        awaitUrlContaining("q=naifen");
        assertThat(tiles()).containsExactlyInAnyOrder(A2, APTAMIL);

        searchBox().clear();
        searchBox().sendKeys("nf");
        awaitSuggestion("奶粉").click();
        awaitUrlContaining("q=%E5%A5%B6%E7%B2%89");
        assertThat(searchBox().getAttribute("value")).isEqualTo("奶粉");
        assertThat(tiles()).containsExactlyInAnyOrder(A2, APTAMIL);
        chromium.screenshot("kiosk-results");
    }

    @Test
    void facets_narrow_the_results_and_count_them() {
        browser.get(kioskHome());
        assertThat(facetCounts("category")).containsEntry("母婴", "2").containsEntry("美妆", "1");
        assertThat(facetCounts("brand")).containsEntry("a2", "1").containsEntry("Aptamil", "1").containsEntry("Lancôme", "1");

        chip("category", "母婴").click();
        waitFor(By.cssSelector("[data-testid=chosen-category]"));
        assertThat(tiles()).containsExactlyInAnyOrder(A2, APTAMIL);
        assertThat(facetCounts("brand")).containsOnlyKeys("a2", "Aptamil");

        chip("brand", "Aptamil").click();
        waitFor(By.cssSelector("[data-testid=chosen-brand]"));
        assertThat(tiles()).containsExactly(APTAMIL);
        assertThat(browser.findElement(By.cssSelector("[data-testid=total]")).getAttribute("data-total")).isEqualTo("1");
        chromium.screenshot("kiosk-facets");

        browser.findElement(By.cssSelector("[data-testid=chosen-brand]")).click(); // undo the brand
        waitFor(By.cssSelector("[data-testid=chosen-category]"));
        assertThat(tiles()).containsExactlyInAnyOrder(A2, APTAMIL);
    }

    @Test
    void a_product_shows_its_price_with_tax_and_a_qr_code_to_the_phone_then_the_idle_kiosk_goes_home() {
        browser.get(kioskHome() + "?q=" + "naifen");
        browser.findElement(By.cssSelector("li.tile[data-sku='" + A2 + "'] a")).click();
        waitFor(By.cssSelector("[data-testid=kiosk-product]"));

        assertThat(text("price-with-tax")).isEqualTo("¥326.21");
        assertThat(text("tax")).startsWith("¥27.21");
        assertThat(text("origin")).isEqualTo("澳大利亚");
        assertThat(browser.findElement(By.cssSelector("[data-testid=stock]")).getAttribute("data-available")).isEqualTo("5");
        byte[] qr = browser.findElement(By.cssSelector("[data-testid=qr-code]")).getScreenshotAs(OutputType.BYTES);
        chromium.screenshot("kiosk-product");
        assertThat(QrDecoding.fromPng(qr)).isEqualTo(vitrine.uri("/s/" + shop.slug() + "/p/" + A2 + "?store=S1").toString());

        // nobody touches it: back to the home screen, search cleared
        new WebDriverWait(browser, Duration.ofSeconds(IDLE_SECONDS * 3L))
                .until(ExpectedConditions.urlToBe(kioskHome()));
        waitFor(By.cssSelector("[data-testid=welcome]"));
        assertThat(browser.findElements(By.cssSelector("[data-testid=kiosk-product]"))).isEmpty();
        assertThat(searchBox().getAttribute("value")).isEmpty();

        // on the home screen, half-typed text is cleared too
        searchBox().sendKeys("nai");
        new WebDriverWait(browser, Duration.ofSeconds(IDLE_SECONDS * 3L))
                .until(driver -> searchBox().getAttribute("value").isEmpty());
        assertThat(browser.getCurrentUrl()).isEqualTo(kioskHome());
    }

    @Test
    void staff_pair_the_kiosk_on_its_page_then_it_sends_heartbeats() {
        Map<String, Object> kiosk = api.expect(201, api.post("/api/v1/devices", shop.token(),
                Map.of("storeCode", "S1", "kind", "KIOSK")));
        browser.get(kioskHome());
        WebElement staff = browser.findElement(By.cssSelector("[data-testid=staff]"));
        assertThat(staff.isDisplayed()).isTrue();
        assertThat(browser.findElement(By.tagName("body")).getAttribute("data-paired")).isEqualTo("false");

        staff.findElement(By.tagName("summary")).click();
        WebElement code = waitFor(By.id("pairing-code"));
        code.sendKeys("WRONGCODE1");
        browser.findElement(By.cssSelector("#pair-form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver ->
                !driver.findElement(By.cssSelector("[data-testid=pair-status]")).getText().isBlank());
        assertThat(browser.findElement(By.tagName("body")).getAttribute("data-paired")).isEqualTo("false");

        code.clear();
        code.sendKeys((String) kiosk.get("pairingCode"));
        browser.findElement(By.cssSelector("#pair-form button[type=submit]")).click();

        // the page comes back paired (its HttpOnly cookie), the staff form hidden, and its first heartbeat counted
        waitFor(By.cssSelector("body[data-paired=true] [data-testid=search-input]"));
        assertThat(browser.findElement(By.cssSelector("[data-testid=staff]")).isDisplayed()).isFalse();
        String deviceKey = (String) kiosk.get("deviceKey");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver ->
                TenantsApi.items(api.expect(200, api.get("/api/v1/devices?status=online", shop.token()))).stream()
                        .anyMatch(d -> deviceKey.equals(d.get("deviceKey"))));
    }

    private String kioskHome() {
        return vitrine.uri("/s/" + shop.slug() + "/kiosk/S1").toString();
    }

    private WebElement searchBox() {
        return browser.findElement(By.cssSelector("[data-testid=search-input]"));
    }

    private WebElement awaitSuggestion(String text) {
        return new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> driver
                .findElements(By.cssSelector("[data-testid=suggestions] .suggestions__item")).stream()
                .filter(WebElement::isDisplayed).filter(b -> b.getText().equals(text)).findFirst().orElse(null));
    }

    private void awaitUrlContaining(String part) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains(part));
        waitFor(By.cssSelector("[data-testid=results]"));
    }

    private List<String> tiles() {
        return browser.findElements(By.cssSelector("li.tile")).stream().map(t -> t.getAttribute("data-sku")).toList();
    }

    private WebElement chip(String facet, String value) {
        return browser.findElement(By.cssSelector("[data-testid=facet-" + facet + "] a.chip[data-value='" + value + "']"));
    }

    private Map<String, String> facetCounts(String facet) {
        Map<String, String> counts = new java.util.LinkedHashMap<>();
        for (WebElement chip : browser.findElements(By.cssSelector("[data-testid=facet-" + facet + "] a.chip[data-value]"))) {
            counts.put(chip.getAttribute("data-value"), chip.findElement(By.cssSelector(".chip__count")).getText());
        }
        return counts;
    }

    private String text(String testId) {
        return browser.findElement(By.cssSelector("[data-testid=" + testId + "]")).getText().trim();
    }

    private WebElement waitFor(By locator) {
        return new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }
}
