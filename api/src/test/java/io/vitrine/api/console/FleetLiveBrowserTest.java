package io.vitrine.api.console;

import io.vitrine.api.tenants.SampleCodes;
import io.vitrine.api.tenants.TenantsApi;
import io.vitrine.api.tenants.TenantsApi.Merchant;
import io.vitrine.api.tenants.TenantsApi.Park;
import io.vitrine.api.testing.EmbeddedVitrine;
import io.vitrine.api.testing.HeadlessChromium;
import io.vitrine.api.testing.RunningVitrine;
import org.junit.jupiter.api.AfterEach;
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

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The devices page updating itself in real Chromium (issue #8 "updating live"): a retailer filters the offline
 * devices of a store and sees its silent kiosk; the kiosk beats (its real heartbeat with its cookie); within the
 * page's refresh (15 s) the kiosk leaves the offline list and the summary counts it online — without a reload (a
 * marker set on the window survives) and with the filters still chosen.
 */
@ExtendWith(EmbeddedVitrine.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FleetLiveBrowserTest {

    private final RunningVitrine vitrine;
    private final TenantsApi api;
    private final ConsoleFixtures fixtures;
    private HeadlessChromium chromium;

    FleetLiveBrowserTest(RunningVitrine vitrine) {
        this.vitrine = vitrine;
        this.api = new TenantsApi(vitrine);
        this.fixtures = new ConsoleFixtures(vitrine);
    }

    @AfterEach
    void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void a_silent_kiosk_that_beats_again_leaves_the_offline_list_without_a_reload() {
        Park park = api.park();
        fixtures.warehouse(park, "FL-01");
        Merchant merchant = api.merchant(park);
        String store = fixtures.store(merchant, SampleCodes.unique("L").toUpperCase(), "FL-01");
        Map<String, Object> kiosk = fixtures.device(merchant, store, "KIOSK");
        String deviceKey = (String) kiosk.get("deviceKey");
        HttpResponse<String> paired = api.post("/s/" + merchant.slug() + "/kiosk/" + store + "/pair", null,
                Map.of("pairingCode", kiosk.get("pairingCode")));
        String setCookie = paired.headers().firstValue("Set-Cookie").orElseThrow();
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        fixtures.lastSeen(deviceKey, vitrine.bean(Clock.class).instant().minus(Duration.ofHours(1)));

        chromium = new HeadlessChromium(1280, 1600);
        WebDriver browser = chromium.driver();
        chromium.signIn(vitrine.uri("/console/devices?lang=en"), merchant.admin().username(), merchant.admin().password());
        chromium.await(By.cssSelector("[data-testid=fleet-filters]"), "fleet-live-devices");

        new Select(browser.findElement(By.id("filter-status"))).selectByValue("offline");
        browser.findElement(By.id("filter-store")).sendKeys(store);
        chromium.clickThrough(By.cssSelector("[data-testid=fleet-filter]"));
        WebElement row = chromium.await(By.cssSelector("tr[data-device='" + deviceKey + "']"), "fleet-live-offline");
        assertThat(row.getText()).contains(store, "Offline");
        assertThat(onlineKiosks(browser)).isEqualTo("0");
        ((JavascriptExecutor) browser).executeScript("window.fleetLiveMarker = 'same page';");

        HttpResponse<String> beat = vitrine.send(HttpRequest.newBuilder(vitrine.uri("/s/" + merchant.slug()
                        + "/kiosk/heartbeat")).header("Cookie", cookie).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"appVersion\":\"3.0.0\"}")).build());
        assertThat(beat.statusCode()).isEqualTo(200);

        try {
            new WebDriverWait(browser, Duration.ofSeconds(40)).until(ExpectedConditions.numberOfElementsToBe(
                    By.cssSelector("tr[data-device='" + deviceKey + "']"), 0));
        } catch (org.openqa.selenium.TimeoutException stillOffline) {
            chromium.screenshot("fleet-live-not-refreshed");
            throw new AssertionError("the kiosk is still listed offline:\n" + browser.getPageSource(), stillOffline);
        }
        assertThat(onlineKiosks(browser)).isEqualTo("1");
        assertThat(((JavascriptExecutor) browser).executeScript("return window.fleetLiveMarker;"))
                .as("no reload").isEqualTo("same page");
        assertThat(new Select(browser.findElement(By.id("filter-status"))).getFirstSelectedOption()
                .getAttribute("value")).isEqualTo("offline");
        assertThat(browser.findElement(By.id("filter-store")).getAttribute("value")).isEqualTo(store);
        assertThat(browser.findElement(By.cssSelector("[data-testid=no-devices]")).getText())
                .isEqualTo("No device matches these filters.");
        chromium.screenshot("fleet-live-online");
    }

    private static String onlineKiosks(WebDriver browser) {
        return browser.findElement(By.cssSelector("[data-testid=fleet-summary] tr[data-kind=KIOSK] td[data-state=online]"))
                .getText();
    }
}
