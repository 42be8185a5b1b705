package io.vitrine.api.storefront.pages;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.HttpHostResolver;
import jakarta.inject.Singleton;

/**
 * Absolute addresses of storefront pages, for what leaves the screen: the QR code a shopper scans with the phone
 * must name the host the phone can reach. {@code vitrine.storefront.public-url} when set (behind a proxy or a CDN,
 * set it: the phone may not reach the address the kiosk used); else the scheme and host the request came to
 * (Micronaut's host resolver, which honours the configured forwarded headers).
 */
@Singleton
public class ShopperAddress {

    private final String publicUrl;
    private final HttpHostResolver hosts;

    ShopperAddress(@Value("${vitrine.storefront.public-url:}") String publicUrl, HttpHostResolver hosts) {
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.hosts = hosts;
    }

    /** @param path from the root, e.g. {@code /s/demo-shop/p/SKU?store=S001} */
    public String absolute(HttpRequest<?> request, String path) {
        return (publicUrl.isBlank() ? hosts.resolve(request) : publicUrl) + path;
    }

    /** The mobile product page a shopper continues on, with the store whose stock it shows. */
    public String mobileProduct(HttpRequest<?> request, String tenant, String sku, String storeCode) {
        return absolute(request, ShopperLinks.product(tenant, sku, storeCode));
    }
}
