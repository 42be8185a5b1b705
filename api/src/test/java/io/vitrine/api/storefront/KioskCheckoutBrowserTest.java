package io.vitrine.api.storefront;

import io.vitrine.api.catalog.CatalogSamples;
import io.vitrine.api.tenants.TenantsApi;
import io.vitrine.api.testing.HeadlessChromium;
import io.vitrine.api.testing.OwnVitrine;
import io.vitrine.api.testing.RunningVitrine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.Map;

import static io.vitrine.api.storefront.ShopFixture.A2;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kiosk's checkout in real headless Chromium (issue #5 "Pages", "Browser test"): a shopper adds A2 to the cart
 * from its product page, changes the quantity on the cart screen (amounts in yuan follow), goes to checkout, and the
 * identity form refuses in the browser what the server would: an ID number whose check character is wrong, a phone
 * that is no mainland mobile, and a missing consent, without sending anything; the idle reset forgets the cart.
 * With the orders API and the Alipay sandbox present, the full purchase on a kiosk staff paired: order placed once
 * and carrying the kiosk, QR screen, sandbox pay, PAID, back to the start. Its own application: the sandbox flag on (the QR screen's "pay in sandbox" button), a
 * short idle time and result time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KioskCheckoutBrowserTest {

    private static final int IDLE_SECONDS = 30;
    private static final int RESULT_SECONDS = 4;
    static final String VALID_ID = "440305199001011256";
    static final String WRONG_CHECK_CHARACTER = "440305199001011257";

    private RunningVitrine vitrine;
    private ShopFixture shop;
    private HeadlessChromium chromium;
    private WebDriver browser;

    @BeforeAll
    void aShopWhoseKioskOffersTheSandbox() {
        vitrine = OwnVitrine.embedded(Map.of("vitrine.kiosk.idle-seconds", IDLE_SECONDS,
                "vitrine.storefront.search.timeout", "20s", "vitrine.payments.alipay.sandbox.enabled", true,
                "vitrine.kiosk.result-seconds", RESULT_SECONDS));
        shop = new ShopFixture(new TenantsApi(vitrine));
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
    void a_shopper_adds_a_product_changes_the_quantity_in_the_cart_and_goes_to_checkout() {
        addA2ToTheCart();
        click("go-to-cart");
        WebElement line = waitFor(By.cssSelector("[data-testid=cart-line][data-sku='" + A2 + "']"));
        assertThat(line.findElement(By.cssSelector("[data-testid=line-qty]")).getText()).isEqualTo("1");
        assertThat(text("amount-goods")).isEqualTo("¥299.00");
        assertThat(text("amount-tax")).isEqualTo("¥27.21");
        assertThat(text("amount-total")).isEqualTo("¥326.21");

        line.findElement(By.cssSelector("[data-testid=line-more]")).click();
        awaitText("amount-goods", "¥598.00");
        assertThat(browser.findElement(By.cssSelector("[data-testid=cart-line] [data-testid=line-qty]")).getText())
                .isEqualTo("2");
        assertThat(text("cart-count")).isEqualTo("2");
        chromium.screenshot("kiosk-cart");

        browser.findElement(By.cssSelector("[data-testid=cart-line] [data-testid=line-less]")).click();
        awaitText("amount-goods", "¥299.00");

        click("to-checkout");
        waitFor(By.cssSelector("[data-testid=checkout-form]"));
        awaitText("amount-total", "¥326.21");
        assertThat(browser.getCurrentUrl()).endsWith("/kiosk/S1/checkout");
    }

    @Test
    void the_identity_form_refuses_a_wrong_id_check_character_and_a_bad_phone_in_the_browser() {
        addA2ToTheCart();
        browser.get(kiosk("/checkout"));
        waitFor(By.cssSelector("[data-testid=checkout-form]"));
        countOrderPosts();

        field("buyer.name").sendKeys("张三");
        field("buyer.idNumber").sendKeys(WRONG_CHECK_CHARACTER);
        field("buyer.phone").click(); // leaving the ID number checks it
        WebElement idError = waitFor(By.cssSelector("[data-testid='error-buyer.idNumber']"));
        assertThat(idError.getText()).isNotBlank();
        assertThat(field("buyer.idNumber").getAttribute("aria-invalid")).isEqualTo("true");
        field("buyer.phone").sendKeys("12345678901"); // 12… is no mainland mobile
        field("consignee.districtCode").click();
        assertThat(waitFor(By.cssSelector("[data-testid='error-buyer.phone']")).getText()).isNotBlank();
        field("consignee.districtCode").sendKeys("440305");
        field("consignee.address").sendKeys("前海路 1 号");
        field("consent").click();
        chromium.screenshot("kiosk-checkout-invalid");

        click("place-order");
        // refused here: nothing sent, the banner says so, the button ready again once corrected
        WebElement form = browser.findElement(By.cssSelector("[data-testid=checkout-form]"));
        assertThat(form.getAttribute("data-refused")).isEqualTo("client");
        assertThat(waitFor(By.cssSelector("[data-testid=checkout-banner]")).getText()).isNotBlank();
        assertThat(sentOrders()).isZero();
        assertThat(browser.getCurrentUrl()).endsWith("/kiosk/S1/checkout");

        // corrected: the errors go as the shopper types
        field("buyer.idNumber").clear();
        field("buyer.idNumber").sendKeys(VALID_ID);
        field("buyer.phone").clear();
        field("buyer.phone").sendKeys("13800138000");
        field("buyer.name").click();
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(driver ->
                !driver.findElement(By.cssSelector("[data-testid='error-buyer.idNumber']")).isDisplayed()
                        && !driver.findElement(By.cssSelector("[data-testid='error-buyer.phone']")).isDisplayed());
        assertThat(field("buyer.idNumber").getAttribute("aria-invalid")).isEqualTo("false");
    }

    @Test
    void the_consent_is_required_before_the_order_is_sent() {
        addA2ToTheCart();
        browser.get(kiosk("/checkout?lang=en"));
        waitFor(By.cssSelector("[data-testid=checkout-form]"));
        countOrderPosts();
        assertThat(text("consent-text")).contains("China Customs").contains("Alipay");
        // on a kiosk the consignee is the buyer: only the address is asked
        assertThat(field("consignee.name").isDisplayed()).isFalse();

        field("buyer.name").sendKeys("Zhang San");
        field("buyer.idNumber").sendKeys(VALID_ID);
        field("buyer.phone").sendKeys("+86 138 0013 8000");
        field("consignee.districtCode").sendKeys("440305");
        field("consignee.address").sendKeys("1 Qianhai Road");
        click("place-order");

        WebElement consentError = waitFor(By.cssSelector("[data-testid=error-consent]"));
        assertThat(consentError.getText()).contains("agree");
        assertThat(browser.findElement(By.cssSelector("[data-testid=checkout-form]")).getAttribute("data-refused"))
                .isEqualTo("client");
        assertThat(sentOrders()).isZero();
        // the other fields were fine
        assertThat(browser.findElements(By.cssSelector(".field.is-invalid"))).hasSize(1);

        field("consent").click();
        assertThat(consentError.isDisplayed()).isFalse();
    }

    /**
     * The orders API answers are played by a stand-in for fetch (this build has no orders API yet): a double tap sends
     * one POST, with an Idempotency-Key; a 422 naming a field shows under that field and a refusal's detail in the
     * banner, as text; after a refusal the next try has a new key.
     */
    @Test
    void a_double_tap_sends_one_order_and_the_servers_refusals_show_by_their_field() {
        addA2ToTheCart();
        browser.get(kiosk("/checkout"));
        waitFor(By.cssSelector("[data-testid=checkout-form]"));
        ((JavascriptExecutor) browser).executeScript("""
                window.orderPosts = [];
                window.answerOrder = null;
                var original = window.fetch;
                window.fetch = function (url, options) {
                  if (options && options.method === 'POST' && String(url).indexOf('/api/orders') >= 0) {
                    window.orderPosts.push({url: String(url), key: options.headers['Idempotency-Key'], body: options.body});
                    return new Promise(function (resolve) { window.answerOrder = resolve; });
                  }
                  return original.apply(this, arguments);
                };
                """);
        field("buyer.name").sendKeys("张三");
        field("buyer.idNumber").sendKeys(VALID_ID);
        field("buyer.phone").sendKeys("13800138000");
        field("consignee.districtCode").sendKeys("440305");
        field("consignee.address").sendKeys("前海路 1 号");
        field("consent").click();
        WebElement place = browser.findElement(By.cssSelector("[data-testid=place-order]"));
        place.click();
        ((JavascriptExecutor) browser).executeScript("arguments[0].form.requestSubmit();", place); // the second tap

        assertThat(place.isEnabled()).isFalse();
        Map<String, Object> sent = firstPost();
        assertThat((String) sent.get("key")).hasSizeGreaterThanOrEqualTo(32);
        assertThat((String) sent.get("body")).contains("\"payMethod\":\"ALIPAY_QR\"").contains("\"consent\":true")
                .contains("\"storeCode\":\"S1\"").contains("\"cartId\":\"")
                .contains("\"consignee\":{\"name\":\"张三\",\"phone\":\"13800138000\"");
        assertThat(((Number) ((JavascriptExecutor) browser).executeScript("return window.orderPosts.length;")).intValue())
                .isEqualTo(1);

        answer(422, "{\"code\":\"INVALID_IDENTITY\",\"detail\":\"identity refused\","
                + "\"errors\":[{\"field\":\"buyer.idNumber\",\"message\":\"not this one\"}]}");
        assertThat(waitFor(By.cssSelector("[data-testid='error-buyer.idNumber']")).getText()).isNotBlank();
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(driver -> place.isEnabled());
        assertThat(browser.findElement(By.cssSelector("[data-testid=checkout-form]")).getAttribute("data-refused"))
                .isEqualTo("INVALID_IDENTITY");

        place.click();
        String secondKey = (String) ((JavascriptExecutor) browser).executeScript("return window.orderPosts[1].key;");
        assertThat(secondKey).isNotEqualTo(sent.get("key"));
        answer(422, "{\"code\":\"SINGLE_LIMIT_EXCEEDED\",\"detail\":\"<b>over 5,000 CNY</b>\"}");
        WebElement banner = waitFor(By.cssSelector("[data-testid=checkout-banner]"));
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(driver -> banner.getText().contains("over 5,000 CNY"));
        assertThat(banner.getText()).isEqualTo("<b>over 5,000 CNY</b>"); // text, not markup
        assertThat(banner.findElements(By.tagName("b"))).isEmpty();
    }

    /**
     * The phone: a product of store S1 into the shop's cart, the cart, the checkout with the consignee apart, Alipay on
     * the phone (the orders API's 201 played by a stand-in for fetch: its redirectUrl is followed), then the cart page
     * links to that order.
     */
    @Test
    void on_the_phone_the_checkout_sends_the_consignee_apart_and_follows_alipays_redirect() {
        String shopBase = vitrine.uri("/s/" + shop.slug()).toString();
        browser.get(shopBase + "/p/" + A2 + "?store=S1");
        click("add-to-cart");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> !text("add-status").isBlank());
        click("go-to-cart");
        waitFor(By.cssSelector("[data-testid=cart-line][data-sku='" + A2 + "']"));
        click("to-checkout");
        waitFor(By.cssSelector("[data-testid=checkout-form]"));
        assertThat(field("consignee.name").isDisplayed()).isTrue();
        String orderPage = shopBase + "/orders/VT-PHONE-1?token=tok-1";
        ((JavascriptExecutor) browser).executeScript("""
                var original = window.fetch;
                window.fetch = function (url, options) {
                  if (options && options.method === 'POST' && String(url).indexOf('/api/orders') >= 0) {
                    sessionStorage.setItem('sentOrder', options.body);
                    return Promise.resolve(new Response(JSON.stringify({orderNo: 'VT-PHONE-1', orderToken: 'tok-1',
                      status: 'PENDING_PAYMENT', payment: {redirectUrl: arguments[0]}}), {status: 201,
                      headers: {'Content-Type': 'application/json'}}));
                  }
                  return original.apply(this, arguments);
                };
                """.replace("arguments[0]", "'" + orderPage + "'"));
        field("buyer.name").sendKeys("张三");
        field("buyer.idNumber").sendKeys(VALID_ID);
        field("buyer.phone").sendKeys("13800138000");
        field("consignee.name").sendKeys("李四");
        field("consignee.phone").sendKeys("13900139000");
        field("consignee.districtCode").sendKeys("110105");
        field("consignee.address").sendKeys("朝阳路 2 号");
        field("consent").click();
        click("place-order");

        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(orderPage));
        String sent = (String) ((JavascriptExecutor) browser).executeScript("return sessionStorage.getItem('sentOrder');");
        assertThat(sent).contains("\"payMethod\":\"ALIPAY_WAP\"").contains("\"storeCode\":\"S1\"")
                .contains("\"consignee\":{\"name\":\"李四\",\"phone\":\"13900139000\",\"districtCode\":\"110105\"");
        waitFor(By.cssSelector("[data-testid=order]"));

        browser.get(shopBase + "/cart");
        WebElement last = waitFor(By.cssSelector("[data-testid=last-order]"));
        assertThat(last.getText()).contains("VT-PHONE-1");
        assertThat(last.getAttribute("href")).isEqualTo(orderPage);
        assertThat(browser.findElement(By.cssSelector("[data-testid=cart-empty]")).isDisplayed()).isTrue();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> firstPost() {
        return (Map<String, Object>) ((JavascriptExecutor) browser).executeScript("return window.orderPosts[0];");
    }

    /** Answers the pending POST to the orders API with this status and problem+json body. */
    private void answer(int status, String problem) {
        ((JavascriptExecutor) browser).executeScript("window.answerOrder(new Response(arguments[1], {status: arguments[0],"
                + " headers: {'Content-Type': 'application/problem+json'}}));", status, problem);
    }

    @Test
    void the_qr_screen_draws_the_orders_payment_counts_down_and_offers_the_sandbox_pay_button() {
        browser.get(kiosk("/checkout"));
        waitFor(By.cssSelector("[data-testid=checkout-form]"));
        String qrText = "https://qr.alipay.com/bax00000test0000";
        String expiresAt = java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(8)).plusMinutes(15).toString();
        // what checkout.js does with a 201 of the orders API: post the payment to the QR screen
        ((JavascriptExecutor) browser).executeScript("""
                var post = document.createElement('form');
                post.method = 'post';
                post.action = arguments[0];
                [['orderNo', 'VT-TEST-1'], ['orderToken', 'token-1'], ['qrCode', arguments[1]], ['expiresAt', arguments[2]]]
                  .forEach(function (pair) {
                    var field = document.createElement('input');
                    field.type = 'hidden'; field.name = pair[0]; field.value = pair[1];
                    post.appendChild(field);
                  });
                document.body.appendChild(post);
                post.submit();
                """, "/s/" + shop.slug() + "/kiosk/S1/pay", qrText, expiresAt);

        WebElement qr = waitFor(By.cssSelector("[data-testid=payment-qr-code]"));
        assertThat(QrDecoding.fromPng(qr.getScreenshotAs(org.openqa.selenium.OutputType.BYTES))).isEqualTo(qrText);
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(driver -> text("countdown").matches("1[45]:\\d\\d"));
        assertThat(browser.findElement(By.tagName("body")).getAttribute("data-idle-paused")).isEqualTo("true");
        assertThat(browser.findElement(By.cssSelector("[data-testid=sandbox-pay]")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.cssSelector("[data-testid=result-paid]")).isDisplayed()).isFalse();
        chromium.screenshot("kiosk-payment-screen");
    }

    /**
     * The whole purchase: needs the orders API (POST /s/{tenant}/api/orders, GET …/{orderNo}?token=) and the embedded
     * Alipay sandbox (POST /sandbox/alipay/trades/{orderNo}/pay) of issue #5's other slices; skipped while this build
     * has no orders API (it answers 404), run as soon as it has one.
     */
    @Test
    void a_full_kiosk_purchase_places_the_order_shows_the_qr_code_and_follows_the_sandbox_payment_to_paid() {
        Assumptions.assumeTrue(vitrine.send(java.net.http.HttpRequest.newBuilder(vitrine.uri("/s/" + shop.slug()
                        + "/api/orders")).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build()).statusCode() != 404,
                "no orders API in this build yet (issue #5, slice orders-core)");
        putFormulaOnThePositiveList();
        String deviceKey = pairThisKiosk();
        addA2ToTheCart();
        browser.get(kiosk("/checkout"));
        waitFor(By.cssSelector("[data-testid=checkout-form]"));
        countOrderPosts();
        field("buyer.name").sendKeys("张三");
        field("buyer.idNumber").sendKeys(VALID_ID);
        field("buyer.phone").sendKeys("13800138000");
        field("consignee.districtCode").sendKeys("440305");
        field("consignee.address").sendKeys("前海路 1 号");
        field("consent").click();
        WebElement place = browser.findElement(By.cssSelector("[data-testid=place-order]"));
        // a double tap sends one order: both taps land before any answer (two WebDriver clicks raced the page's
        // navigation to /pay and the second could hit a page already gone)
        ((JavascriptExecutor) browser).executeScript("arguments[0].click(); arguments[0].click();",
                place);

        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlToBe(kiosk("/pay")));
        WebElement qr = waitFor(By.cssSelector("[data-testid=payment-qr-code]"));
        assertThat(QrDecoding.fromPng(qr.getScreenshotAs(org.openqa.selenium.OutputType.BYTES))).isNotBlank();
        assertThat(text("countdown")).matches("\\d\\d:\\d\\d");
        // the order carries the kiosk it was placed on (api.md "its orders carry the device")
        String orderNo = browser.findElement(By.cssSelector("[data-testid=payment]")).getAttribute("data-order-no");
        TenantsApi api = new TenantsApi(vitrine);
        assertThat(api.expect(200, api.get("/api/v1/orders/" + orderNo, shop.token())))
                .containsEntry("deviceKey", deviceKey);
        chromium.screenshot("kiosk-payment");
        click("sandbox-pay");
        waitFor(By.cssSelector("[data-testid=result-paid]"));
        chromium.screenshot("kiosk-paid");
        // the result stays a moment, then the kiosk is ready for the next shopper, with an empty cart
        new WebDriverWait(browser, Duration.ofSeconds(RESULT_SECONDS * 4L)).until(ExpectedConditions.urlToBe(kiosk("")));
        browser.get(kiosk("/cart"));
        waitFor(By.cssSelector("body[data-cart-ready=true]"));
        assertThat(browser.findElements(By.cssSelector("[data-testid=cart-line]"))).isEmpty();
    }

    /** Staff pair this browser as the store's kiosk on its page (its HttpOnly device cookie): the kiosk's key. */
    private String pairThisKiosk() {
        TenantsApi api = new TenantsApi(vitrine);
        Map<String, Object> kiosk = api.expect(201, api.post("/api/v1/devices", shop.token(),
                Map.of("storeCode", "S1", "kind", "KIOSK")));
        browser.get(kiosk(""));
        browser.findElement(By.cssSelector("[data-testid=staff] summary")).click();
        waitFor(By.id("pairing-code")).sendKeys((String) kiosk.get("pairingCode"));
        browser.findElement(By.cssSelector("#pair-form button[type=submit]")).click();
        waitFor(By.cssSelector("body[data-paired=true] [data-testid=search-input]"));
        return (String) kiosk.get("deviceKey");
    }

    private void putFormulaOnThePositiveList() {
        TenantsApi api = new TenantsApi(vitrine);
        var put = java.net.http.HttpRequest.newBuilder(vitrine.uri("/api/v1/positive-list"))
                .header("Content-Type", "text/csv").header("Authorization", "Bearer " + api.platformAdminToken())
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("hsCode,description\n" + CatalogSamples.FORMULA_HS
                        + ",婴幼儿配方奶粉\n")).build();
        assertThat(vitrine.send(put).statusCode()).isEqualTo(200);
    }

    @Test
    void the_idle_kiosk_forgets_the_cart_for_the_next_shopper() {
        addA2ToTheCart();
        browser.get(kiosk("/cart"));
        waitFor(By.cssSelector("[data-testid=cart-line]"));
        new WebDriverWait(browser, Duration.ofSeconds(IDLE_SECONDS * 3L)).until(ExpectedConditions.urlToBe(kiosk("")));
        waitFor(By.cssSelector("[data-testid=welcome]"));
        waitFor(By.cssSelector("body[data-cart-ready=true]"));
        assertThat(text("cart-count")).isEqualTo("0");
        browser.get(kiosk("/cart"));
        waitFor(By.cssSelector("body[data-cart-ready=true]"));
        assertThat(browser.findElement(By.cssSelector("[data-testid=cart-empty]")).isDisplayed()).isTrue();
        assertThat(browser.findElements(By.cssSelector("[data-testid=cart-line]"))).isEmpty();
    }

    private void addA2ToTheCart() {
        browser.get(kiosk("/p/" + A2));
        click("add-to-cart");
        awaitText("cart-count", "1");
        assertThat(text("add-status")).isNotBlank();
    }

    /** How many POSTs the page sent to the orders API since {@link #countOrderPosts()}. */
    private long sentOrders() {
        return ((Number) ((JavascriptExecutor) browser).executeScript("return window.sentOrders;")).longValue();
    }

    private String kiosk(String rest) {
        return vitrine.uri("/s/" + shop.slug() + "/kiosk/S1" + rest).toString();
    }

    private WebElement field(String name) {
        return browser.findElement(By.cssSelector("[data-testid='field-" + name + "']"));
    }

    private void click(String testId) {
        waitFor(By.cssSelector("[data-testid='" + testId + "']")).click();
    }

    private String text(String testId) {
        return browser.findElement(By.cssSelector("[data-testid='" + testId + "']")).getText().trim();
    }

    private void awaitText(String testId, String expected) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(
                By.cssSelector("[data-testid='" + testId + "']"), expected));
    }

    private WebElement waitFor(By locator) {
        return new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** From now on, the page counts its POSTs to the orders API (a wrapper around fetch). */
    private void countOrderPosts() {
        ((JavascriptExecutor) browser).executeScript("""
                window.sentOrders = 0;
                var original = window.fetch;
                window.fetch = function (url, options) {
                  if (options && options.method === 'POST' && String(url).indexOf('/api/orders') >= 0) {
                    window.sentOrders++;
                  }
                  return original.apply(this, arguments);
                };
                """);
    }
}
