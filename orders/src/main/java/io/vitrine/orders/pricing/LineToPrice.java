package io.vitrine.orders.pricing;

import io.vitrine.catalog.products.TradeMode;
import io.vitrine.kernel.money.Money;
import io.vitrine.kernel.tax.TaxRates;

import java.util.Objects;

/**
 * One line as the catalog prices it now: {@code quantity} units of a SKU at its unit price, with the product's
 * tax rates and trade mode (GENERAL goods are duty-paid: their price already includes VAT).
 */
public record LineToPrice(String sku, int quantity, Money unitPrice, TaxRates taxRates, TradeMode tradeMode) {

    public LineToPrice {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(taxRates, "taxRates");
        Objects.requireNonNull(tradeMode, "tradeMode");
        if (quantity < 1) {
            throw new IllegalArgumentException("a priced line holds at least one unit");
        }
        if (unitPrice.isNegative()) {
            throw new IllegalArgumentException("a unit price is never negative");
        }
    }

    public Money value() {
        return unitPrice.times(quantity);
    }
}
