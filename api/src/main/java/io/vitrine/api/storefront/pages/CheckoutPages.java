package io.vitrine.api.storefront.pages;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.vitrine.api.views.PageLanguage;
import io.swagger.v3.oas.annotations.Hidden;

import java.util.Map;

/**
 * The shopper's checkout on the phone (api.md "Storefront", Pages; issue #5 "Pages"): {@code /s/{tenant}/cart},
 * {@code /s/{tenant}/checkout} (buyer and consignee, consent, Alipay on the phone: the page follows the order's
 * {@code payment.redirectUrl}), {@code /s/{tenant}/orders/{orderNo}?token=} (the order's status, amounts, lines,
 * masked buyer and timeline) and {@code /s/{tenant}/orders} (the lookup of a lost link). The pages are frames:
 * their scripts (static/js/cart.js, checkout.js, order.js) read and write through the JSON API, text only.
 */
@Controller("/s/{tenant}")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
@Hidden
final class CheckoutPages {

    private final ShopFront shop;
    private final OrderReturnsSection returns;

    CheckoutPages(ShopFront shop, OrderReturnsSection returns) {
        this.shop = shop;
        this.returns = returns;
    }

    @Get("/cart")
    HttpResponse<?> cart(@PathVariable String tenant) {
        return ShopFront.render("cart", CheckoutModel.mobile(shop.model(), tenant));
    }

    @Get("/checkout")
    HttpResponse<?> checkout(@PathVariable String tenant) {
        return ShopFront.render("checkout", CheckoutModel.mobile(shop.model(), tenant));
    }

    @Get("/orders")
    HttpResponse<?> lookup(@PathVariable String tenant, @Nullable @QueryValue String orderNo) {
        Map<String, Object> model = CheckoutModel.mobile(shop.model(), tenant);
        model.put("orderNo", OrderNumbers.shownOrNull(orderNo));
        return ShopFront.render("order-lookup", model);
    }

    @Get("/orders/{orderNo}")
    HttpResponse<?> order(HttpRequest<?> request, @PathVariable String tenant, @PathVariable String orderNo,
                          @Nullable @QueryValue String token, @Nullable @QueryValue String returned) {
        return ShopFront.render("order", orderModel(shop, returns, tenant, orderNo, token, returned != null,
                PageLanguage.requestedTag(request).orElse(null)));
    }

    /**
     * The order page's model, with its returns section ({@link OrderReturnsSection}); also the refused form's page.
     * The forms post with the language the page was asked in ({@code lang}, or none), so their answers keep it.
     */
    static Map<String, Object> orderModel(ShopFront shop, OrderReturnsSection returns, String tenant, String orderNo,
                                          @Nullable String token, boolean returned, @Nullable String lang) {
        Map<String, Object> model = CheckoutModel.mobile(shop.model(), tenant);
        model.put("orderNo", OrderNumbers.require(orderNo));
        model.put("orderApi", ShopperLinks.orderApi(tenant, orderNo));
        model.put("token", token == null ? "" : token);
        model.put("lookupHref", ShopperLinks.query(ShopperLinks.orderLookup(tenant), "orderNo", orderNo));
        model.putAll(returns.of(orderNo, token));
        model.put("returnAction", ShopperLinks.query(ShopperLinks.orderLookup(tenant) + "/"
                + ShopperLinks.segment(orderNo) + "/returns", "token", token, "lang", lang));
        // each REQUESTED return's photo form posts to ReturnRequestPage; the template puts the return's number in
        model.put("returnPhotoAction", ShopperLinks.query(ShopperLinks.orderLookup(tenant) + "/"
                + ShopperLinks.segment(orderNo) + "/returns/{returnNo}/photos", "token", token, "lang", lang));
        model.put("photoErrors", Map.of());
        model.put("returned", returned);
        model.put("returnErrors", Map.of());
        model.put("returnReason", "");
        model.put("returnTyped", Map.of());
        return model;
    }
}
