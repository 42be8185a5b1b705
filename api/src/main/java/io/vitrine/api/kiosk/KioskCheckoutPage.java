package io.vitrine.api.kiosk;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Hidden;
import io.vitrine.api.storefront.pages.CheckoutModel;
import io.vitrine.api.storefront.pages.QrCodeSvg;
import io.vitrine.api.storefront.pages.ShopFront;
import io.vitrine.api.storefront.pages.ShopperLinks;
import io.vitrine.tenants.stores.Store;

import java.util.Map;

/**
 * The kiosk's checkout (issue #5 "Pages"): {@code …/cart} (lines, quantities, amounts), {@code …/checkout} (the
 * buyer's identity checked as typed, the consent, the order placed once with an Idempotency-Key) and the QR payment
 * screen {@code POST …/pay}, which the checkout posts the created order's payment to: the Alipay QR code drawn here
 * (ZXing, {@link QrCodeSvg}), a countdown to the payment's expiry, the order's status polled until PAID or CLOSED,
 * then back to the kiosk's home. With {@code vitrine.payments.alipay.sandbox.enabled} (embedded sandbox only) it
 * offers a "pay in sandbox" button that plays the shopper's phone.
 */
@Controller("/s/{tenant}/kiosk/{storeCode}")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
@Hidden
final class KioskCheckoutPage {

    private final KioskScreen screen;
    private final boolean sandbox;
    private final int resultSeconds;

    KioskCheckoutPage(KioskScreen screen,
                      @Value("${vitrine.payments.alipay.sandbox.enabled:false}") boolean sandbox,
                      @Value("${vitrine.kiosk.result-seconds:20}") int resultSeconds) {
        this.screen = screen;
        this.sandbox = sandbox;
        this.resultSeconds = resultSeconds;
    }

    @Get("/cart")
    HttpResponse<?> cart(@PathVariable String tenant, @PathVariable String storeCode, HttpRequest<?> request) {
        return ShopFront.render("kiosk-cart", model(tenant, storeCode, request));
    }

    @Get("/checkout")
    HttpResponse<?> checkout(@PathVariable String tenant, @PathVariable String storeCode, HttpRequest<?> request) {
        return ShopFront.render("kiosk-checkout", model(tenant, storeCode, request));
    }

    @Post(value = "/pay", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> pay(@PathVariable String tenant, @PathVariable String storeCode, @Body PaymentForm form,
                        HttpRequest<?> request) {
        KioskPayment payment = KioskPayment.of(form.orderNo(), form.orderToken(), form.qrCode(), form.expiresAt());
        Map<String, Object> model = model(tenant, storeCode, request);
        model.put("payment", payment);
        model.put("qr", QrCodeSvg.of(payment.qrCode()));
        model.put("orderApi", ShopperLinks.orderApi(tenant, payment.orderNo()));
        model.put("sandbox", sandbox);
        model.put("sandboxPayUrl", "/sandbox/alipay/trades/" + payment.orderNo() + "/pay");
        model.put("resultSeconds", resultSeconds);
        return ShopFront.render("kiosk-payment", model);
    }

    private Map<String, Object> model(String tenant, String storeCode, HttpRequest<?> request) {
        Map<String, Object> model = screen.model(tenant, storeCode, request);
        return CheckoutModel.kiosk(model, tenant, ((Store) model.get("store")).code());
    }

    /** What the checkout posts from the 201 of POST /s/{tenant}/api/orders. */
    @Serdeable
    record PaymentForm(@Nullable String orderNo, @Nullable String orderToken, @Nullable String qrCode,
                       @Nullable String expiresAt) {
        @Override
        public String toString() {
            return "PaymentForm[" + orderNo + "]";
        }
    }
}
