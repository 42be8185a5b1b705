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
