package io.vitrine.api.storefront.pages;

import java.util.Map;

/**
 * What the checkout pages' scripts need, as their model: the cart and orders APIs, where the cart id is kept in the
 * browser ({@code localStorage} under {@code cartKey}, one per shop on the phone and one per store on a kiosk, so
 * that two shops or two kiosks never share a cart), and the pages they lead to.
 */
public final class CheckoutModel {

    private CheckoutModel() {
    }

    /** The phone's pages: a cart for the shop, Alipay on the phone (ALIPAY_WAP), the consignee typed apart. */
    static Map<String, Object> mobile(Map<String, Object> model, String tenant) {
        common(model, tenant);
        model.put("cartKey", "vitrine.cart." + tenant);
        model.put("cartHref", ShopperLinks.cart(tenant));
        model.put("checkoutHref", ShopperLinks.checkout(tenant));
        model.put("lookupHref", ShopperLinks.orderLookup(tenant));
        model.put("payMethod", "ALIPAY_WAP");
        model.put("kiosk", false);
        return model;
    }

    /** A kiosk's pages: a cart for its store, the QR code on its screen (ALIPAY_QR), the consignee the buyer. */
    public static Map<String, Object> kiosk(Map<String, Object> model, String tenant, String storeCode) {
        common(model, tenant);
        model.put("cartKey", "vitrine.cart." + tenant + ".kiosk." + storeCode);
        model.put("cartHref", ShopperLinks.kioskCart(tenant, storeCode));
        model.put("checkoutHref", ShopperLinks.kioskCheckout(tenant, storeCode));
        model.put("paymentHref", ShopperLinks.kioskPayment(tenant, storeCode));
        model.put("payMethod", "ALIPAY_QR");
        model.put("kiosk", true);
        return model;
    }

    private static void common(Map<String, Object> model, String tenant) {
        model.put("cartsApi", ShopperLinks.cartsApi(tenant));
        model.put("ordersApi", ShopperLinks.ordersApi(tenant));
        model.put("orderPagePrefix", ShopperLinks.orderLookup(tenant) + "/");
    }
}
