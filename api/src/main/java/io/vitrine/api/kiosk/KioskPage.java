package io.vitrine.api.kiosk;

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
import io.vitrine.api.storefront.pages.CheckoutModel;
import io.vitrine.api.storefront.pages.ProductFacts;
import io.vitrine.api.storefront.pages.QrCodeSvg;
import io.vitrine.api.storefront.pages.ResultsView;
import io.vitrine.api.storefront.pages.ShopFront;
import io.vitrine.api.storefront.pages.ShopperAddress;
import io.vitrine.api.storefront.pages.ShopperLinks;
import io.vitrine.api.storefront.pages.ShopperSearch;
import io.vitrine.catalog.assortment.StoreAssortments;
import io.vitrine.catalog.storefront.SearchParameters;
import io.vitrine.catalog.storefront.ShopperCatalog;
import io.vitrine.catalog.storefront.ShopperRateLimit;
import io.vitrine.catalog.storefront.StorefrontSearch;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.tenants.stores.Store;

import java.util.Map;

/**
 * The kiosk page {@code /s/{tenant}/kiosk/{storeCode}} (api.md "Storefront", Pages): a touch screen in the store
 * that searches the store's assortment only (with live suggestions in Chinese, pinyin and initials from the
 * suggest API), narrows by brand and category, and opens a product ({@code …/p/{sku}}, in the assortment or 404)
 * with its tax-inclusive price, origin, the stock at the store, a QR code to the phone's product page and the button
 * that adds it to the kiosk's cart ({@link KioskCheckoutPage} for the cart, checkout and payment). After
 * {@code vitrine.kiosk.idle-seconds} without a touch the page goes back to its home screen (static/js/kiosk.js).
 * Shoppers use it whether or not the kiosk is paired; an unpaired one offers staff the pairing form, a paired one
 * (its device cookie) sends heartbeats.
 */
@Controller("/s/{tenant}/kiosk/{storeCode}")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
@Hidden
final class KioskPage {

    private final KioskScreen screen;
    private final StorefrontSearch search;
    private final ShopperCatalog catalog;
    private final StoreAssortments assortments;
    private final ShopperAddress addresses;
    private final ShopperRateLimit rateLimit;
    private final ClientAddress clientAddress;

    KioskPage(KioskScreen screen, StorefrontSearch search, ShopperCatalog catalog, StoreAssortments assortments,
              ShopperAddress addresses, ShopperRateLimit rateLimit, ClientAddress clientAddress) {
        this.screen = screen;
        this.search = search;
        this.catalog = catalog;
        this.assortments = assortments;
        this.addresses = addresses;
        this.rateLimit = rateLimit;
        this.clientAddress = clientAddress;
    }

    @Get
    HttpResponse<?> home(@PathVariable String tenant, @PathVariable String storeCode, @Nullable @QueryValue String q,
                         @Nullable @QueryValue String brand, @Nullable @QueryValue String category,
                         @Nullable @QueryValue String page, @Nullable @QueryValue String lang, HttpRequest<?> request) {
        Map<String, Object> model = kioskModel(tenant, storeCode, request);
        Store store = (Store) model.get("store");
        rateLimit.check(clientAddress.of(request));
        ShopperSearch asked = ShopperSearch.of(q, brand, category, page, lang);
        String home = ShopperLinks.kiosk(tenant, store.code());
        var found = search.search(new SearchParameters(asked.q(), asked.brand(), asked.category(), null, null, null,
                null, store.code(), null, null, String.valueOf(asked.page()), String.valueOf(ShopperSearch.PAGE_SIZE),
                null));
        model.put("search", asked);
        model.put("results", ResultsView.of(found, asked, home,
                sku -> ShopperLinks.kioskProduct(tenant, store.code(), sku)));
        return ShopFront.render("kiosk", model);
    }

    @Get("/p/{sku}")
    HttpResponse<?> product(@PathVariable String tenant, @PathVariable String storeCode, @PathVariable String sku,
                            @Nullable @QueryValue String lang, HttpRequest<?> request) {
        Map<String, Object> model = kioskModel(tenant, storeCode, request);
        Store store = (Store) model.get("store");
        if (!assortments.contains(store.code(), sku)) {
            throw new NotFoundException("this store does not show this product");
        }
        ProductFacts product = ProductFacts.of(tenant, catalog.bySku(sku, store.code()));
        String phoneUrl = addresses.mobileProduct(request, tenant, product.sku(), store.code());
        model.put("search", ShopperSearch.of(null, null, null, null, lang));
        model.put("product", product);
        model.put("qr", QrCodeSvg.of(phoneUrl));
        model.put("qrUrl", phoneUrl);
        return ShopFront.render("kiosk", model);
    }

    private Map<String, Object> kioskModel(String tenant, String storeCode, HttpRequest<?> request) {
        Map<String, Object> model = screen.model(tenant, storeCode, request);
        Store store = (Store) model.get("store");
        return CheckoutModel.kiosk(model, tenant, store.code());
    }
}
