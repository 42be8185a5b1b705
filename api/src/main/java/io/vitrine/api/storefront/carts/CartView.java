package io.vitrine.api.storefront.carts;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.vitrine.kernel.money.Money;
import io.vitrine.orders.carts.PricedCart;
import io.vitrine.orders.pricing.PriceBreakdown;

import java.time.Instant;
import java.util.List;

/**
 * A cart as the shopper sees it (api.md "Storefront"): amounts in fen, {@code totalFen = goodsValueFen +
 * freightFen + insuranceFen + taxFen − discountFen}, the lines' taxes summing to {@code taxFen}.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record CartView(String cartId, String storeCode, List<LineView> lines, long goodsValueFen, long freightFen,
                long insuranceFen, long discountFen, long taxFen, long totalFen, Instant expiresAt) {

    static CartView of(PricedCart priced) {
        PriceBreakdown price = priced.price();
        return new CartView(priced.cart().id(), priced.cart().storeCode(),
                priced.items().stream().map(LineView::of).toList(), price.goodsValue().fen(), price.freight().fen(),
                price.insurance().fen(), price.discount().fen(), price.tax().fen(), price.total().fen(),
                priced.cart().expiresAt());
    }

    /**
     * An unavailable line (product deleted, or no longer sold by the store) has no value or tax, and no name or
     * price once the product is gone.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record LineView(String sku, @Nullable String name, int qty, @Nullable Long unitPriceFen, @Nullable Long lineValueFen,
                    @Nullable Long taxFen, boolean available) {

        static LineView of(PricedCart.Item item) {
            return new LineView(item.sku(), item.name(), item.quantity(), fen(item.unitPrice()),
                    item.available() ? item.priced().value().fen() : null,
                    item.available() ? item.priced().tax().total().fen() : null, item.available());
        }

        private static Long fen(@Nullable Money amount) {
            return amount == null ? null : amount.fen();
        }
    }
}
