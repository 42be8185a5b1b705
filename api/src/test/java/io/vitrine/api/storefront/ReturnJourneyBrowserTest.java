package io.vitrine.api.storefront;

import io.vitrine.api.catalog.SampleImages;
import io.vitrine.api.testing.HeadlessChromium;
import io.vitrine.kernel.money.Money;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.vitrine.api.storefront.AlipayShop.newBuyer;
import static io.vitrine.api.storefront.AlipayShop.order;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A return's journey in real headless Chromium (issue #7 "Pages"): the shopper opens their released order from its
 * token link, asks one unit of one line back with a reason and sees it REQUESTED on the page; the retailer admin
 * signs in, opens it from the returns queue, sees the refund it would give (the line's value and tax, no freight
 * under the default policy) and approves it. Screenshots under {@code target/screenshots/return-journey-*}. Photos
 * are not built yet, so none is attached.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReturnJourneyBrowserTest {

    private AlipayShop shop;
    private HeadlessChromium chromium;
    private WebDriver browser;

    @BeforeAll
    void aShopAndABrowser() {
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

    /** An 8 × 8 PNG in a file, as the shopper's phone would pick it. */
    private static Path photoFile() {
        try {
            Path file = Files.createTempFile("dent-", ".png");
            Files.write(file, SampleImages.png(8, 8));
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void the_shopper_asks_a_unit_back_and_the_retailer_admin_approves_it_seeing_the_refund() {
        Map<String, Object> placed = shop.api().expect(201, shop.post("orders",
                order(shop.cart(AlipayShop.FORMULA, 2), newBuyer(), "ALIPAY_QR")));
        String orderNo = (String) placed.get("orderNo");
        shop.pay(orderNo);
        shop.release(orderNo);

        browser.get(shop.vitrine().uri("/s/" + shop.slug() + "/orders/" + orderNo + "?token="
                + placed.get("orderToken") + "&lang=en").toString());
        chromium.await(By.cssSelector("[data-testid=return-form]"), "return-journey-failed");
        new Select(browser.findElement(By.id("return-" + AlipayShop.FORMULA))).selectByValue("1");
        browser.findElement(By.id("return-reason")).sendKeys("the tin arrived dented");
        chromium.screenshot("return-journey-1-shopper-form");
        chromium.clickThrough(By.cssSelector("[data-testid=return-form] button[type=submit]"));
        chromium.await(By.cssSelector("[data-testid=return-requested]"), "return-journey-failed");
        WebElement asked = browser.findElement(By.cssSelector("[data-testid=return-list] li"));
        assertThat(asked.getAttribute("data-status")).isEqualTo("REQUESTED");
        // the label is in the browser's language: the form's redirect does not carry ?lang= (see ReturnPagesTest)
        assertThat(asked.getText()).contains("1 × " + AlipayShop.FORMULA);
        String returnNo = asked.getAttribute("data-return");
        chromium.screenshot("return-journey-2-shopper-requested");

        // a photo of the dent, from the form next to the return (multipart, no script)
        browser.findElement(By.id("return-photo-" + returnNo)).sendKeys(photoFile().toString());
        chromium.clickThrough(By.cssSelector("[data-testid=return-photo-form-" + returnNo + "] button[type=submit]"));
        chromium.await(By.cssSelector("[data-testid=return-photos-" + returnNo + "][data-photos='1']"),
                "return-journey-failed");

        chromium.signIn(shop.vitrine().uri("/console?lang=en"), shop.merchant().admin().username(),
                shop.merchant().admin().password());
        chromium.await(By.cssSelector(".console-nav a[href^='/console/returns']"), "return-journey-failed");
        chromium.clickThrough(By.cssSelector(".console-nav a[href^='/console/returns']"));
        chromium.await(By.cssSelector("tr[data-return='" + returnNo + "'] a"), "return-journey-failed");
        chromium.clickThrough(By.cssSelector("tr[data-return='" + returnNo + "'] a"));
        chromium.await(By.cssSelector("[data-testid=approve-form]"), "return-journey-failed");

        Map<?, ?> line = (Map<?, ?>) ((List<?>) shop.api().expect(200, shop.api().get("/api/v1/returns/" + returnNo,
                shop.token())).get("items")).get(0);
        Money goods = Money.ofFen(((Number) line.get("lineValueFen")).longValue()).allocate(List.of(1L, 1L)).get(0);
        Money tax = Money.ofFen(((Number) line.get("lineTaxFen")).longValue()).allocate(List.of(1L, 1L)).get(0);
        assertThat(text("refund-goods")).as("one of two units").isEqualTo(goods.toDisplayString());
        assertThat(text("refund-tax")).isEqualTo(tax.toDisplayString());
        assertThat(text("refund-freight")).isEqualTo(Money.ZERO.toDisplayString());
        assertThat(text("refund-total")).isEqualTo(goods.plus(tax).toDisplayString());
        WebElement photo = browser.findElement(By.cssSelector("[data-testid=return-photos] img"));
        assertThat(((Number) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "return arguments[0].complete ? arguments[0].naturalWidth : -1;", photo)).intValue())
                .as("the shopper's photo, served to the shop's staff").isEqualTo(8);
        chromium.screenshot("return-journey-3-console-return");

        chromium.clickThrough(By.cssSelector("[data-testid=approve-form] button[type=submit]"));
        chromium.await(By.cssSelector("[data-testid=done]"), "return-journey-failed");
        assertThat(browser.findElement(By.cssSelector("[data-testid=return-status]")).getAttribute("data-status"))
                .isEqualTo("APPROVED");
        assertThat(browser.findElements(By.cssSelector("[data-testid=approve-form]"))).isEmpty();
        assertThat(text("refund-total")).isEqualTo(goods.plus(tax).toDisplayString());
        chromium.screenshot("return-journey-4-console-approved");
    }

    private String text(String testId) {
        return browser.findElement(By.cssSelector("[data-testid=" + testId + "]")).getText().strip();
    }
}
