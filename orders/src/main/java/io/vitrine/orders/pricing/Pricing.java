package io.vitrine.orders.pricing;

import io.vitrine.kernel.money.Money;
import io.vitrine.kernel.tax.CrossBorderTax;
import io.vitrine.kernel.tax.ImportTax;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Prices lines within the limits (domain.md "Cross-border retail import rules"): freight by the shop's policy
 * on the goods value; freight and insurance apportioned to the lines by value ({@link CrossBorderTax#dutiableValues},
 * shares adding up to the whole); each cross-border line taxed on its dutiable value and rounded on its own, as
 * the inventory list declares lines, and the order's tax the sum of the lines'. GENERAL lines pay no import tax:
 * their price already includes VAT. The discount lowers what is paid, not the tax base (the tax base is the
 * transaction price of goods, freight and insurance). The single-item general-trade exception is a compliance
 * decision taken at checkout, not here.
 */
public final class Pricing {

    private Pricing() {
    }

    public static PriceBreakdown price(List<LineToPrice> lines, FreightPolicy freightPolicy, Money insurance,
                                       Money discount) {
        Objects.requireNonNull(freightPolicy, "freightPolicy");
        if (insurance.isNegative() || discount.isNegative()) {
            throw new IllegalArgumentException("insurance and discount are never negative");
        }
        if (lines.isEmpty()) {
            return PriceBreakdown.EMPTY;
        }
        List<Money> values = lines.stream().map(LineToPrice::value).toList();
        Money goods = Money.sum(values);
        Money freight = freightPolicy.freightFor(goods);
        // lines worth nothing have no value to share freight by: their dutiable value is their (zero) value
        List<Money> dutiable = goods.isZero() ? values : CrossBorderTax.dutiableValues(values, freight, insurance);
        List<PricedLine> priced = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            LineToPrice line = lines.get(i);
            ImportTax tax = line.tradeMode().isCrossBorderRetail()
                    ? CrossBorderTax.withinLimits(dutiable.get(i), line.taxRates())
                    : ImportTax.NONE;
            priced.add(new PricedLine(line, values.get(i), dutiable.get(i), tax));
        }
        Money tax = Money.sum(priced.stream().map(p -> p.tax().total()).toList());
        Money payable = goods.plus(freight).plus(insurance).plus(tax);
        if (discount.isGreaterThan(payable)) {
            throw new IllegalArgumentException("a discount of " + discount + " exceeds what is payable, " + payable);
        }
        return new PriceBreakdown(priced, goods, freight, insurance, discount, tax, payable.minus(discount));
    }
}
