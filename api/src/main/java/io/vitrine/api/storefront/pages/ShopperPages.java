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
import io.swagger.v3.oas.annotations.Hidden;
import io.vitrine.api.security.ClientAddress;
import io.vitrine.catalog.assortment.StoreAssortments;
import io.vitrine.catalog.storefront.SearchParameters;
import io.vitrine.catalog.storefront.ShopperCatalog;
import io.vitrine.catalog.storefront.ShopperRateLimit;
import io.vitrine.catalog.storefront.ShopperResults;
import io.vitrine.catalog.storefront.StorefrontSearch;
import io.vitrine.kernel.error.InvalidInputException;
import io.vitrine.kernel.error.NotFoundException;

import java.util.Map;

/**
 * The shopper's phone pages (api.md "Storefront", Pages): {@code /s/{tenant}/} searches the shop,
 * {@code /s/{tenant}/p/{sku}} shows a product (with the stock at {@code ?store=}, where a kiosk's QR code leads),
 * {@code /s/{tenant}/d/{storeCode}/{sku}} is what a shelf tag's QR code opens: the product with the stock at that
 * store, only if the store shows it; with a store, the product goes into the shop's cart (that store's). An unknown
 * shop, store or SKU is the 404 page ({@link StorefrontErrorPages}).
 */
@Controller("/s/{tenant}")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
@Hidden
final class ShopperPages {

    private final ShopFront shop;
    private final StorefrontSearch search;
    private final ShopperCatalog catalog;
    private final StoreAssortments assortments;
    private final ShopperRateLimit rateLimit;
    private final ClientAddress clientAddress;

    ShopperPages(ShopFront shop, StorefrontSearch search, ShopperCatalog catalog, StoreAssortments assortments,
                 ShopperRateLimit rateLimit, ClientAddress clientAddress) {
        this.shop = shop;
        this.search = search;
        this.catalog = catalog;
        this.assortments = assortments;
        this.rateLimit = rateLimit;
        this.clientAddress = clientAddress;
    }

    @Get("/")
    HttpResponse<?> home(@PathVariable String tenant, @Nullable @QueryValue String q, @Nullable @QueryValue String brand,
                         @Nullable @QueryValue String category, @Nullable @QueryValue String page,
                         @Nullable @QueryValue String lang, HttpRequest<?> request) {
        Map<String, Object> model = shop.model();
        rateLimit.check(clientAddress.of(request));
        ShopperSearch asked = ShopperSearch.of(q, brand, category, page, lang);
        String home = ShopperLinks.home(tenant);
        ShopperResults found = search.search(new SearchParameters(asked.q(), asked.brand(), asked.category(), null,
                null, null, null, null, null, null, String.valueOf(asked.page()),
                String.valueOf(ShopperSearch.PAGE_SIZE), null));
        model.put("search", asked);
        model.put("results", ResultsView.of(found, asked, home, sku -> ShopperLinks.product(tenant, sku, null)));
        model.put("searchAction", home);
        model.put("suggestUrl", ShopperLinks.suggest(tenant));
        return ShopFront.render("home", model);
    }

    @Get("/p/{sku}")
    HttpResponse<?> product(@PathVariable String tenant, @PathVariable String sku, @Nullable @QueryValue String store) {
        Map<String, Object> model = CheckoutModel.mobile(shop.model(), tenant);
        model.put("product", ProductFacts.of(tenant, catalog.bySku(sku, knownStore(store))));
        return ShopFront.render("product", model);
    }

    @Get("/d/{storeCode}/{sku}")
    HttpResponse<?> display(@PathVariable String tenant, @PathVariable String storeCode, @PathVariable String sku) {
        Map<String, Object> model = shop.model();
        String store = knownStore(storeCode);
        if (!assortments.contains(store, sku)) {
            throw new NotFoundException("this store does not show this product");
        }
        model.put("product", ProductFacts.of(tenant, catalog.bySku(sku, store)));
        return ShopFront.render("display", model);
    }

    /** A store named in a page's address that the shop does not have is a page that does not exist: 404, not 400. */
    private String knownStore(@Nullable String code) {
        try {
            return catalog.store(code).map(s -> s.code()).orElse(null);
        } catch (InvalidInputException unknown) {
            throw new NotFoundException("no store of this shop has this code");
        }
    }
}
