package io.vitrine.orders.compliance;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.catalog.products.TradeMode;
import io.vitrine.kernel.money.Money;
import io.vitrine.kernel.tax.TaxRates;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything the compliance rules look at for one checkout, gathered by the caller (cart, catalog snapshot,
 * stock, the buyer's form, the annual quota ledger): the rules themselves read nothing else.
 *
 * @param lines      the cart's lines, at least one
 * @param freight    the order's freight; counts toward the limits and is shared into the lines' dutiable values
 * @param insurance  the order's insurance, likewise
 * @param discount   taken off the total (never off the limits' transaction price); at most the goods value
 * @param buyer      the identity typed on the form; may be null when every line is GENERAL (duty-paid)
 * @param consent    the buyer agrees that their identity goes to customs and the payment company
 * @param yearToDate what the buyer's ID number already holds this calendar year (reserved + consumed) in the
 *                   annual quota ledger; zero when unknown (an invalid ID number)
 * @param orderedAt  when the order is placed: a birth date after this day in China is not a real one
 */
public record CheckoutFacts(List<Line> lines, Money freight, Money insurance, Money discount, @Nullable Buyer buyer,
                            boolean consent, Money yearToDate, Instant orderedAt) {

    public CheckoutFacts {
        lines = List.copyOf(lines);
        Objects.requireNonNull(freight, "freight");
        Objects.requireNonNull(insurance, "insurance");
        Objects.requireNonNull(discount, "discount");
        Objects.requireNonNull(yearToDate, "yearToDate");
        Objects.requireNonNull(orderedAt, "orderedAt");
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a checkout has at least one line");
        }
        if (freight.isNegative() || insurance.isNegative() || discount.isNegative() || yearToDate.isNegative()) {
            throw new IllegalArgumentException("freight, insurance, discount and the year's total are never negative");
        }
        if (discount.isGreaterThan(Money.sum(lines.stream().map(Line::goodsValue).toList()))) {
            throw new IllegalArgumentException("a discount never exceeds the goods value");
        }
    }

    /** Goods only: what the cart's lines are worth. */
    public Money goodsValue() {
        return Money.sum(lines.stream().map(Line::goodsValue).toList());
    }

    /** The transaction price the limits count: goods plus freight plus insurance (domain.md). */
    public Money transactionPrice() {
        return goodsValue().plus(freight).plus(insurance);
    }

    /** True when any line sells under the cross-border retail rules (not GENERAL). */
    public boolean isCrossBorder() {
        return lines.stream().anyMatch(line -> line.tradeMode().isCrossBorderRetail());
    }

    /**
     * One cart line as the catalog and stock saw it at checkout.
     *
     * @param onPositiveList its HS code is on the platform's positive list (derived from the HS code, never a
     *                       merchant's flag)
     * @param rates          its VAT, consumption-tax and (optional) MFN tariff rates
     * @param inStock        its units are available in its warehouse
     */
    public record Line(String sku, long quantity, Money unitPrice, TradeMode tradeMode, String warehouseCode,
                       boolean onPositiveList, TaxRates rates, boolean inStock) {

        public Line {
            Objects.requireNonNull(sku, "sku");
            Objects.requireNonNull(unitPrice, "unitPrice");
            Objects.requireNonNull(tradeMode, "tradeMode");
            Objects.requireNonNull(warehouseCode, "warehouseCode");
            Objects.requireNonNull(rates, "rates");
            if (quantity <= 0) {
                throw new IllegalArgumentException("a line holds at least one unit");
            }
            if (unitPrice.isNegative()) {
                throw new IllegalArgumentException("a unit price is never negative");
            }
        }

        public Money goodsValue() {
            return unitPrice.times(quantity);
        }
    }

    /** The buyer's identity as typed: checked by {@link ComplianceRule#INVALID_IDENTITY}, never logged. */
    public record Buyer(@Nullable String name, @Nullable String idNumber, @Nullable String phone) {

        @Override
        public String toString() {
            return "Buyer[masked]";
        }
    }
}
