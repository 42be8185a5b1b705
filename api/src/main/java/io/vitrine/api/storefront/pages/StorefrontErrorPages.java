package io.vitrine.api.storefront.pages;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.ModelAndViewRenderer;
import io.vitrine.tenants.registry.TenantDirectory;

import java.util.HashMap;
import java.util.Map;

/**
 * Errors on the storefront's pages are pages, not problem+json (the JSON API under {@code /s/{tenant}/api} keeps
 * its problems): an unknown or suspended shop, store or SKU, a product a store does not show, too many requests
 * (429, its Retry-After kept), and the checkout pages'. The page says "not found" for 404 and that something went wrong otherwise, with the
 * same status; it links to the shop's home only when the shop exists.
 */
@ServerFilter({"/s/*", "/s/*/", "/s/*/p/*", "/s/*/d/*/*", "/s/*/kiosk/*", "/s/*/kiosk/*/p/*", "/s/*/cart",
        "/s/*/checkout", "/s/*/orders", "/s/*/orders/*", "/s/*/kiosk/*/cart", "/s/*/kiosk/*/checkout"})
final class StorefrontErrorPages implements Ordered {

    private final ModelAndViewRenderer<Map<String, Object>, HttpRequest<?>> renderer;
    private final TenantDirectory directory;

    StorefrontErrorPages(ModelAndViewRenderer<Map<String, Object>, HttpRequest<?>> renderer,
                         TenantDirectory directory) {
        this.renderer = renderer;
        this.directory = directory;
    }

    @ResponseFilter
    HttpResponse<?> pageFor(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (response.code() < 400 || request.getMethod() != HttpMethod.GET || isPage(response)) {
            return response;
        }
        String slug = request.getPath().split("/")[2];
        Map<String, Object> model = new HashMap<>();
        model.put("status", response.code());
        directory.idOfSlug(slug).ifPresent(shop -> {
            model.put("tenant", slug);
            model.put("homeHref", ShopperLinks.home(slug));
        });
        return renderer.render(new ModelAndView<>("storefront/not-found", model), request, MediaType.TEXT_HTML)
                .<HttpResponse<?>>map(page -> response.contentType(MediaType.TEXT_HTML_TYPE).body(page))
                .orElse(response);
    }

    private static boolean isPage(MutableHttpResponse<?> response) {
        return response.getHeaders().getContentType().map(type -> type.startsWith(MediaType.TEXT_HTML)).orElse(false);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SESSION.after();
    }
}
