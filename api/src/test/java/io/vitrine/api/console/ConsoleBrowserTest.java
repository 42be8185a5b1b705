package io.vitrine.api.console;

import io.vitrine.api.tenants.SampleCodes;
import io.vitrine.api.tenants.TenantsApi;
import io.vitrine.api.tenants.TenantsApi.Application;
import io.vitrine.api.tenants.TenantsApi.Park;
import io.vitrine.api.testing.EmbeddedVitrine;
import io.vitrine.api.testing.HeadlessChromium;
import io.vitrine.api.testing.RunningVitrine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consoles in real headless Chromium (issue #3): a park admin signs in and approves an application
 * (made through the public API, with its licence); the new retailer opens the invitation, chooses a
 * password, signs in, registers a store and a kiosk, and sees the kiosk's pairing code. Once in Chinese
 * (the browser's language) and once in English (chosen with the language switch).
 */
@ExtendWith(EmbeddedVitrine.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserTest {

    private final RunningVitrine vitrine;
    private final TenantsApi api;
    private Park park;
    private HeadlessChromium chromium;
    private WebDriver browser;

    ConsoleBrowserTest(RunningVitrine vitrine) {
        this.vitrine = vitrine;
        this.api = new TenantsApi(vitrine);
    }

    @BeforeAll
    void aParkWithAWarehouse() {
        park = api.park();
        api.expect(201, api.post("/api/v1/parks/" + park.slug() + "/warehouses", park.admin().token(),
                Map.of("code", "QH-BR", "name", "Qianhai bonded", "emsNo", "T5349W5", "customsCode", "5349",
                        "areaCode", "5349W", "operatorUscc", SampleCodes.uscc())));
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

    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"zh-CN", "en"})
    void a_park_admin_approves_and_the_new_retailer_sets_up_a_store_and_a_kiosk(String language) {
        Properties text = Messages.of(language);
        Application application = api.apply(park);

        // the park admin: a console page asks for sign-in first, then leads back to it
        browser.get(vitrine.uri("/console/park/applications").toString());
        waitFor(By.id("f-username"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(Messages.of("zh-CN").getProperty("login.title"));
        chromium.signIn(park.admin().username(), park.admin().password());
        waitFor(By.cssSelector("[data-testid=applications]"));
        if (language.equals("en")) {
            chromium.clickThrough(By.cssSelector("a[hreflang=en]"));
            waitFor(By.cssSelector("html[lang=en] [data-testid=applications]"));
        }
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(text.getProperty("applications.title"));
        chromium.clickThrough(By.cssSelector("tr[data-slug='" + application.slug() + "'] a"));
        waitFor(By.cssSelector("[data-testid=documents]"));
        assertThat(browser.findElement(By.cssSelector("[data-testid=documents]")).getText()).contains("licence.pdf");
        chromium.screenshot("console-review-" + language);
        chromium.clickThrough(By.cssSelector("[data-testid=approve]"));

        waitFor(By.cssSelector("[data-testid=invitation-token]"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(text.getProperty("approved.title"));
        assertThat(browser.findElement(By.cssSelector("[data-testid=tenant-slug]")).getText()).isEqualTo(application.slug());
        String invitationUrl = browser.findElement(By.cssSelector("[data-testid=invitation-url]")).getText();
        chromium.screenshot("console-approved-" + language);
        chromium.clickThrough(By.cssSelector(".console-nav__who button"));
        waitFor(By.id("f-username"));

        // the new retailer: the invitation, then sign-in with the chosen password
        String username = SampleCodes.unique("owner");
        String password = "owner-password-" + language;
        browser.get(invitationUrl + (language.equals("en") ? "?lang=en" : ""));
        waitFor(By.id("f-passwordAgain"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(text.getProperty("invitation.title"));
        type("f-username", username);
        type("f-password", password);
        type("f-passwordAgain", password);
        chromium.clickThrough(By.cssSelector(".console form button[type=submit]"));
        waitFor(By.cssSelector("html[lang='" + language + "'] #f-password"));
        assertThat(browser.findElement(By.id("f-username")).getAttribute("value")).isEqualTo(username);
        type("f-password", password);
        chromium.clickThrough(By.cssSelector(".console form button[type=submit]"));
        waitFor(By.cssSelector("[data-testid=store-count]"));

        // a store
        chromium.clickThrough(By.cssSelector(".console-nav a[href^='/console/stores?']"));
        waitFor(By.cssSelector("a[href^='/console/stores/-/new']"));
        chromium.clickThrough(By.cssSelector("a[href^='/console/stores/-/new']"));
        String store = SampleCodes.unique("S").toUpperCase();
        waitFor(By.id("f-code"));
        type("f-code", store);
        type("f-name", "Qianhai " + store);
        new Select(browser.findElement(By.id("f-kind"))).selectByValue("CONVENIENCE_STORE");
        type("f-address", "1 Qianhai Road, Nanshan");
        type("f-district", "440305");
        new Select(browser.findElement(By.id("f-warehouseCode"))).selectByValue("QH-BR");
        chromium.screenshot("console-store-form-" + language);
        chromium.clickThrough(By.cssSelector(".console form button[type=submit]"));
        waitFor(By.cssSelector("[data-testid=saved]"));
        assertThat(browser.findElement(By.cssSelector("[data-testid=store-code]")).getText()).isEqualTo(store);

        // a kiosk in it: its pairing code, once
        chromium.clickThrough(By.cssSelector(".console-nav a[href^='/console/devices']"));
        waitFor(By.id("f-storeCode"));
        new Select(browser.findElement(By.id("f-kind"))).selectByValue("KIOSK");
        type("f-storeCode", store);
        chromium.clickThrough(By.cssSelector("[data-testid=register-form] button[type=submit]"));
        WebElement pairingCode = waitFor(By.cssSelector("[data-testid=pairing-code]"));
        assertThat(pairingCode.getText()).matches("[A-Z2-7]{8}");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(text.getProperty("credentials.titleRegistered"));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(language);
        chromium.screenshot("console-pairing-code-" + language);

        // the fleet lists it, waiting for its pairing; the code itself is not shown again
        String deviceKey = browser.findElement(By.cssSelector("[data-testid=device-key]")).getText();
        String code = pairingCode.getText();
        chromium.clickThrough(By.cssSelector(".console a.btn[href^='/console/devices']"));
        WebElement row = waitFor(By.cssSelector("tr[data-device='" + deviceKey + "']"));
        assertThat(row.getText()).contains(store, text.getProperty("fleet.state.pending"));
        assertThat(browser.getPageSource()).doesNotContain(code);
        chromium.screenshot("console-devices-" + language);
    }

    private void type(String id, String value) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    private WebElement waitFor(By element) {
        return chromium.await(element, "console-failed");
    }

    /** The messages the pages are written in, to compare against what Chromium shows. */
    static final class Messages {
        static Properties of(String language) {
            Properties messages = new Properties();
            String file = "/i18n/messages_" + (language.equals("en") ? "en" : "zh_CN") + ".properties";
            try (var in = new java.io.InputStreamReader(ConsoleBrowserTest.class.getResourceAsStream(file),
                    java.nio.charset.StandardCharsets.UTF_8)) {
                messages.load(in);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return messages;
        }
    }
}
