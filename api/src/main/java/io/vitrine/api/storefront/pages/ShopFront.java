package io.vitrine.api.storefront.pages;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.ModelAndView;
import io.vitrine.kernel.tenancy.CurrentTenant;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.tenants.registry.Tenant;
import io.vitrine.tenants.registry.TenantDirectory;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.Map;

/**
 * What every storefront page shows of its shop, and how it answers. The shop is the path's ({@code /s/{tenant}},
 * resolved by the request's tenant): an unknown or suspended shop is the 404 page. The model always holds
 * {@code tenant} (the slug) and {@code tenantDisplayName}, which the
 * templates fall back to when the shop has no theme (storefront-templates/README.md, "Theme contract").
 */
@Singleton
public class ShopFront {

    private final CurrentTenant currentTenant;
    private final TenantDirectory directory;

    ShopFront(CurrentTenant currentTenant, TenantDirectory directory) {
        this.currentTenant = currentTenant;
        this.directory = directory;
    }

    /** The page's model, started with the shop; 404 (TenantNotResolvedException) when the path names none. */
    public Map<String, Object> model() {
        TenantId shop = currentTenant.require();
        Tenant tenant = directory.require(shop);
        Map<String, Object> model = new HashMap<>();
        model.put("tenant", tenant.slug());
        model.put("tenantDisplayName", tenant.name());
        model.put("homeHref", ShopperLinks.home(tenant.slug()));
        return model;
    }

    /**
     * The page: storefront views are {@code templates/storefront/<view>.ftlh}. Prices and stock move, so the
     * browser asks again each time (ETags are not worth it for a page this small); the language follows the
     * browser's Accept-Language unless the address names one.
     */
    public static MutableHttpResponse<ModelAndView<Map<String, Object>>> render(String view, Map<String, Object> model) {
        return HttpResponse.ok(new ModelAndView<>("storefront/" + view, model))
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
    }
}
