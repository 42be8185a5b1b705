package io.vitrine.orders.counter;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.orders.compliance.CheckoutFacts;
import io.vitrine.orders.ordering.PlaceOrder;

import java.net.URI;
import java.util.List;

/**
 * A POS's order form for the shopper at its counter: the storefront's order form ({@code buyer}, {@code consignee},
 * {@code consent}) with the goods as lines instead of a cart, and how the shopper pays.
 *
 * @param storeCode  the POS's store: where the goods are sold and reserved
 * @param deviceId   the POS, recorded on the order
 * @param payment    {@code ALIPAY_QR} (the POS shows the QR code) or {@code BARCODE} (it scans the shopper's
 *                   payment code), as typed (checked here)
 * @param returnPage the storefront's order page, to which the order number and token are appended
 */
public record CounterSale(String storeCode, String deviceId, @Nullable List<Line> lines,
                          @Nullable CheckoutFacts.Buyer buyer, @Nullable PlaceOrder.Consignee consignee,
                          boolean consent, @Nullable String payment, URI returnPage) {

    /** @param qty whole units, 1 to 99 (lines of one SKU are added up) */
    public record Line(@Nullable String sku, @Nullable Integer qty) {
    }
}
