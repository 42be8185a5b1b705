package io.vitrine.api.kiosk;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.vitrine.api.storefront.pages.ShopFront;
import io.vitrine.api.storefront.pages.ShopperLinks;
import io.vitrine.catalog.storefront.ShopperCatalog;
import io.vitrine.kernel.error.InvalidInputException;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.tenants.stores.Store;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * What every kiosk screen shows of its shop and store (the search box, the home button, the idle reset, pairing and
 * heartbeats): the model {@code storefront/kiosk*.ftlh} start from. An unknown store is a page that does not exist.
 */
@Singleton
final class KioskScreen {

    private final ShopFront shop;
    private final ShopperCatalog catalog;
    private final int idleSeconds;

    KioskScreen(ShopFront shop, ShopperCatalog catalog, @Value("${vitrine.kiosk.idle-seconds:90}") int idleSeconds) {
        this.shop = shop;
        this.catalog = catalog;
        this.idleSeconds = idleSeconds;
    }

    Map<String, Object> model(String tenant, String storeCode, HttpRequest<?> request) {
        Map<String, Object> model = shop.model();
        Store store = store(storeCode);
        String kiosk = ShopperLinks.kiosk(tenant, store.code());
        model.put("store", store);
        model.put("kioskHome", kiosk);
        model.put("searchAction", kiosk);
        model.put("suggestUrl", ShopperLinks.suggest(tenant));
        model.put("pairUrl", kiosk + "/pair");
        model.put("heartbeatUrl", ShopperLinks.kioskHeartbeat(tenant));
        model.put("paired", request.getCookies().findCookie(KioskController.COOKIE).isPresent());
        model.put("idleSeconds", idleSeconds);
        return model;
    }

    private Store store(String code) {
        try {
            return catalog.store(code).orElseThrow(() -> new NotFoundException("no store"));
        } catch (InvalidInputException unknown) {
            throw new NotFoundException("no store of this shop has this code");
        }
    }
}
