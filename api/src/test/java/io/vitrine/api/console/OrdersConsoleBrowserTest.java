package io.vitrine.api.console;

import io.vitrine.api.storefront.AlipayShop;
import io.vitrine.api.testing.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retailer's orders pages in real headless Chromium (issue #5 "Pages"): signed in from the sign-in page, the
 * retailer admin opens Orders from the navigation, opens an order placed and paid through the fake Alipay, cancels
 * it with a reason (accepting the confirmation console.js asks for) and finds CANCELLED and the refund note in its
 * timeline.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrdersConsoleBrowserTest {

    private AlipayShop shop;
    private HeadlessChromium chromium;
    private WebDriver browser;

    @BeforeAll
    void aShopWithAPaidOrder() {
        shop = AlipayShop.start();
        chromium = new HeadlessChromium(1280, 1600);
        browser = chromium.driver();
    }

    @AfterAll
    void close() {
        if (chromium != null) {
            chromium.close();
        }
        shop.close();
    }

    @Test
    void a_retailer_admin_cancels_a_paid_order_from_its_page() {
        String orderNo = shop.placeOrder(AlipayShop.FORMULA, 1, "ALIPAY_QR");
        shop.pay(orderNo);

        chromium.signIn(shop.vitrine().uri("/console?lang=en"), shop.merchant().admin().username(),
                shop.merchant().admin().password());
        waitFor(By.cssSelector(".console-nav a[href^='/console/orders?']")).click();

        waitFor(By.cssSelector("tr[data-order='" + orderNo + "'] a")).click();
        waitFor(By.cssSelector("[data-testid=cancel-form]"));
        assertThat(browser.findElement(By.cssSelector("[data-testid=status]")).getAttribute("data-status"))
                .isEqualTo("PAID");
        type("f-reason", "customer changed their mind");
        browser.findElement(By.cssSelector("[data-testid=cancel-form] button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.alertIsPresent()).accept();

        waitFor(By.cssSelector("[data-testid=cancelled]"));
        WebElement timeline = browser.findElement(By.cssSelector("[data-testid=timeline]"));
        assertThat(timeline.findElements(By.cssSelector("li[data-status=CANCELLED]"))).isNotEmpty();
        assertThat(timeline.getText()).contains("CANCELLED", "customer changed their mind", "refunded");
        assertThat(browser.findElements(By.cssSelector("[data-testid=cancel-form]"))).isEmpty();
        chromium.screenshot("console-order-cancelled");
    }

    private void type(String id, String value) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    private WebElement waitFor(By element) {
        try {
            return new WebDriverWait(browser, Duration.ofSeconds(20))
                    .until(ExpectedConditions.presenceOfElementLocated(element));
        } catch (org.openqa.selenium.TimeoutException notThere) {
            chromium.screenshot("console-orders-failed");
            throw new AssertionError("no " + element + " on " + browser.getCurrentUrl() + ":\n"
                    + browser.getPageSource(), notThere);
        }
    }
}
