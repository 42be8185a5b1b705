package io.vitrine.orders.carts;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.money.Money;
import io.vitrine.orders.pricing.PriceBreakdown;
import io.vitrine.orders.pricing.PricedLine;

import java.util.List;

/**
 * A cart priced now: each line as the catalog has it at this moment, and the amounts of the lines that can be
 * bought. A line whose product was deleted or left the store's assortment stays in the cart, shown unavailable
 * and left out of the amounts, until the shopper removes it.
 */
public record PricedCart(Cart cart, List<Item> items, PriceBreakdown price) {

    /**
     * @param name      the product's Chinese name; null once the product is gone
     * @param unitPrice null once the product is gone
     * @param priced    the line's amounts; null when it is unavailable
     */
    public record Item(String sku, @Nullable String name, int quantity, @Nullable Money unitPrice,
                       @Nullable PricedLine priced) {

        public boolean available() {
            return priced != null;
        }
    }
}
