package io.vitrine.orders.ordering;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.orders.compliance.CheckoutFacts;

import java.net.URI;

/**
 * A shopper's order form (api.md {@code POST /s/{tenant}/api/orders}).
 *
 * @param buyer      the identity for customs; may be empty for a cart of GENERAL (duty-paid) goods only
 * @param consignee  who receives the goods; required for cross-border orders
 * @param payMethod  {@code ALIPAY_QR} or {@code ALIPAY_WAP}, as typed (checked here)
 * @param deviceId   the paired kiosk the order was placed on, if any
 * @param returnPage where Alipay's wap page sends the shopper back: the order page; the order number and token are
 *                   appended ({@code <returnPage><orderNo>?token=<token>})
 */
public record PlaceOrder(@Nullable String cartId, @Nullable String storeCode, @Nullable CheckoutFacts.Buyer buyer,
                         @Nullable Consignee consignee, boolean consent, @Nullable String payMethod,
                         @Nullable String deviceId, URI returnPage) {

    /** The consignee as typed: {@code districtCode} a 6-digit GB/T 2260 code. */
    public record Consignee(@Nullable String name, @Nullable String phone, @Nullable String districtCode,
                            @Nullable String address) {

        @Override
        public String toString() {
            return "Consignee[masked]";
        }
    }
}
