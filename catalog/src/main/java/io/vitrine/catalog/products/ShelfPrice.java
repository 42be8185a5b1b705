package io.vitrine.catalog.products;

import io.vitrine.kernel.money.Money;
import io.vitrine.kernel.tax.CrossBorderTax;

import java.math.BigDecimal;

/**
 * What one unit costs the shopper (api.md: {@code priceFen}, {@code taxFen}, {@code priceWithTaxFen}): the
 * goods price plus the cross-border retail tax within the limits, by the one tax rule
 * ({@link CrossBorderTax}). General-trade goods are duty-paid and priced with VAT: no tax on top.
 *
 * @param comprehensiveRate the rate the tax was computed at (0 for general trade), for showing
 */
public record ShelfPrice(Money price, Money tax, BigDecimal comprehensiveRate) {

    public static ShelfPrice of(Product product) {
        if (!product.tradeMode().isCrossBorderRetail()) {
            return new ShelfPrice(product.price(), Money.ZERO, BigDecimal.ZERO);
        }
        return new ShelfPrice(product.price(),
                CrossBorderTax.withinLimits(product.price(), product.taxRates()).total(),
                CrossBorderTax.comprehensiveRate(product.taxRates()));
    }

    public Money priceWithTax() {
        return price.plus(tax);
    }
}
