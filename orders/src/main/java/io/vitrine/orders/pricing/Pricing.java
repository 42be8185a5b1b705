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
 * decision taken at checkout ({@code CheckoutCompliance}), which prices the order here too: one computation for
 * the cart, the order, the order message and the payment.
 */
public final class Pricing {

    private Pricing() {
    }

    /** Prices a cart: freight by the shop's policy, every cross-border line within the limits. */
    public static PriceBreakdown price(List<LineToPrice> lines, FreightPolicy freightPolicy, Money insurance,
                                       Money discount) {
        Objects.requireNonNull(freightPolicy, "freightPolicy");
        Money goods = Money.sum(lines.stream().map(LineToPrice::value).toList());
        return price(lines, freightPolicy.freightFor(goods), insurance, discount, LineTax.WITHIN_LIMITS);
    }

    /**
     * Prices lines with the freight already decided (an order keeps the freight its cart showed) and the taxation
     * compliance chose: within the limits, or the single-item exception in full ({@link LineTax#GENERAL_TRADE}).
     */
    public static PriceBreakdown price(List<LineToPrice> lines, Money freight, Money insurance, Money discount,
                                       LineTax lineTax) {
        Objects.requireNonNull(lineTax, "lineTax");
        if (freight.isNegative() || insurance.isNegative() || discount.isNegative()) {
            throw new IllegalArgumentException("freight, insurance and discount are never negative");
        }
        if (lines.isEmpty()) {
            return PriceBreakdown.EMPTY;
        }
        List<Money> values = lines.stream().map(LineToPrice::value).toList();
        Money goods = Money.sum(values);
        List<Money> dutiable = CrossBorderTax.dutiableValues(values, freight, insurance);
        List<PricedLine> priced = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            LineToPrice line = lines.get(i);
            priced.add(new PricedLine(line, values.get(i), dutiable.get(i), lineTax.on(line, dutiable.get(i))));
        }
        Money tax = Money.sum(priced.stream().map(p -> p.tax().total()).toList());
        Money payable = goods.plus(freight).plus(insurance).plus(tax);
        if (discount.isGreaterThan(payable)) {
            throw new IllegalArgumentException("a discount of " + discount + " exceeds what is payable, " + payable);
        }
        return new PriceBreakdown(priced, goods, freight, insurance, discount, tax, payable.minus(discount));
    }

    /** How a line's import tax is assessed on its dutiable value. */
    public enum LineTax {
        /** Cross-border lines at 70% of VAT and consumption tax, no tariff; GENERAL (duty-paid) lines untaxed. */
        WITHIN_LIMITS {
            @Override
            ImportTax on(LineToPrice line, Money dutiableValue) {
                return line.tradeMode().isCrossBorderRetail()
                        ? CrossBorderTax.withinLimits(dutiableValue, line.taxRates()) : ImportTax.NONE;
            }
        },
        /** The single-item exception: tariff, consumption tax and VAT in full ({@link CrossBorderTax#generalTrade}). */
        GENERAL_TRADE {
            @Override
            ImportTax on(LineToPrice line, Money dutiableValue) {
                return CrossBorderTax.generalTrade(dutiableValue, line.taxRates());
            }
        };

        abstract ImportTax on(LineToPrice line, Money dutiableValue);
    }
}
