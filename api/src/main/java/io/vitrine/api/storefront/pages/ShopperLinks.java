package io.vitrine.api.storefront.pages;

import io.micronaut.core.annotation.Nullable;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The storefront pages' addresses (api.md "Storefront", Pages), path segments and query values encoded. */
public final class ShopperLinks {

    private ShopperLinks() {
    }

    public static String home(String tenant) {
        return "/s/" + segment(tenant) + "/";
    }

    public static String product(String tenant, String sku, @Nullable String storeCode) {
        return query("/s/" + segment(tenant) + "/p/" + segment(sku), "store", storeCode);
    }

    public static String display(String tenant, String storeCode, String sku) {
        return "/s/" + segment(tenant) + "/d/" + segment(storeCode) + "/" + segment(sku);
    }

    /** The suggest API (api.md): completions of what the shopper types, for the search boxes. */
    public static String suggest(String tenant) {
        return "/s/" + segment(tenant) + "/api/suggest";
    }

    public static String kiosk(String tenant, String storeCode) {
        return "/s/" + segment(tenant) + "/kiosk/" + segment(storeCode);
    }

    public static String kioskProduct(String tenant, String storeCode, String sku) {
        return kiosk(tenant, storeCode) + "/p/" + segment(sku);
    }

    public static String kioskCart(String tenant, String storeCode) {
        return kiosk(tenant, storeCode) + "/cart";
    }

    public static String kioskCheckout(String tenant, String storeCode) {
        return kiosk(tenant, storeCode) + "/checkout";
    }

    /** The kiosk's QR payment screen (a POST: the order's token stays out of the address and the history). */
    public static String kioskPayment(String tenant, String storeCode) {
        return kiosk(tenant, storeCode) + "/pay";
    }

    public static String cart(String tenant) {
        return "/s/" + segment(tenant) + "/cart";
    }

    public static String checkout(String tenant) {
        return "/s/" + segment(tenant) + "/checkout";
    }

    /** The order lookup page, for a shopper who lost the link to an order. */
    public static String orderLookup(String tenant) {
        return "/s/" + segment(tenant) + "/orders";
    }

    /** An order's status page; without a token the page asks for one (the lookup). */
    public static String order(String tenant, String orderNo, @Nullable String token) {
        return query(orderLookup(tenant) + "/" + segment(orderNo), "token", token);
    }

    /** The cart API (api.md "Storefront"): POST creates, {@code /{cartId}} reads, {@code /{cartId}/items/{sku}} changes. */
    public static String cartsApi(String tenant) {
        return "/s/" + segment(tenant) + "/api/carts";
    }

    /** The orders API (api.md "Storefront"): POST places, {@code /lookup}, {@code /{orderNo}?token=} reads. */
    public static String ordersApi(String tenant) {
        return "/s/" + segment(tenant) + "/api/orders";
    }

    /** One order in the orders API; its reader adds {@code ?token=}. */
    public static String orderApi(String tenant, String orderNo) {
        return ordersApi(tenant) + "/" + segment(orderNo);
    }

    public static String kioskHeartbeat(String tenant) {
        return "/s/" + segment(tenant) + "/kiosk/heartbeat";
    }

    /** The base with the non-blank values as query parameters, in the order given (name, value, name, value...). */
    public static String query(String base, @Nullable String... namesAndValues) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            parameters.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return query(base, parameters);
    }

    public static String query(String base, Map<String, String> parameters) {
        StringBuilder link = new StringBuilder(base);
        char separator = base.contains("?") ? '&' : '?';
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            if (parameter.getValue() != null && !parameter.getValue().isBlank()) {
                link.append(separator).append(parameter.getKey()).append('=').append(value(parameter.getValue()));
                separator = '&';
            }
        }
        return link.toString();
    }

    static String value(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** A path segment: as a query value, but a space is %20 there ('+' is a plain character in a path). */
    static String segment(String text) {
        return value(text).replace("+", "%20");
    }
}
