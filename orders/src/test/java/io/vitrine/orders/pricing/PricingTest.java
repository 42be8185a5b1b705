package io.vitrine.orders.pricing;

import io.vitrine.catalog.products.TradeMode;
import io.vitrine.kernel.money.Money;
import io.vitrine.kernel.tax.TaxRates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pricing of a cart and an order, amounts worked out by hand from domain.md's tax rule. */
class PricingTest {

    private static final TaxRates VAT_13 = TaxRates.of("0.13", "0", null);
    private static final TaxRates COSMETICS = TaxRates.of("0.13", "0.15", null);
    private static final TaxRates VAT_9 = TaxRates.of("0.09", "0", null);

    @Test
    void one_line_without_freight_is_taxed_at_the_comprehensive_rate() {
        PriceBreakdown price = Pricing.price(List.of(line("A2", 1, 29900, VAT_13)), FreightPolicy.NONE, Money.ZERO, Money.ZERO);

        // 299.00 × 9.1% = 27.209 -> 27.21, as the shelf shows it
        assertThat(price.goodsValue()).isEqualTo(Money.ofFen(29900));
        assertThat(price.freight()).isEqualTo(Money.ZERO);
        assertThat(price.tax()).isEqualTo(Money.ofFen(2721));
        assertThat(price.total()).isEqualTo(Money.ofFen(32621));
        assertThat(price.lines().get(0).dutiableValue()).isEqualTo(Money.ofFen(29900));
    }

    @Test
    void freight_is_apportioned_by_value_and_each_line_is_taxed_on_its_dutiable_value() {
        FreightPolicy flat10 = FreightPolicy.of(1000L, 50000L);
        PriceBreakdown price = Pricing.price(List.of(line("FORMULA", 2, 5000, VAT_13), line("CREAM", 1, 30000, COSMETICS)),
                flat10, Money.ZERO, Money.ZERO);

        assertThat(price.goodsValue()).isEqualTo(Money.ofFen(40000));
        assertThat(price.freight()).isEqualTo(Money.ofFen(1000));
        // freight 10.00 shared 1:3 -> 2.50 and 7.50
        assertThat(price.lines()).extracting(PricedLine::dutiableValue).containsExactly(Money.ofFen(10250), Money.ofFen(30750));
        // 10250 × 0.13 × 0.7 = 932.75 -> 933; 30750 × 0.28 × 0.7 / 0.85 = 7090.59 -> 7091
        assertThat(price.lines()).extracting(l -> l.tax().total()).containsExactly(Money.ofFen(933), Money.ofFen(7091));
        // its consumption-tax part: 30750 × 0.15 × 0.7 / 0.85 = 3798.53 -> 3799, VAT the rest
        assertThat(price.lines().get(1).tax().consumption()).isEqualTo(Money.ofFen(3799));
        assertThat(price.lines().get(1).tax().vat()).isEqualTo(Money.ofFen(3292));
        assertThat(price.tax()).isEqualTo(Money.ofFen(8024));
        assertThat(price.total()).isEqualTo(Money.ofFen(40000 + 1000 + 8024));
    }

    @Test
    void shares_that_do_not_divide_evenly_still_add_up_to_the_whole_freight_and_insurance() {
        PriceBreakdown price = Pricing.price(List.of(line("A", 1, 1000, VAT_13), line("B", 1, 1000, VAT_13),
                line("C", 1, 1000, VAT_9)), FreightPolicy.of(100L, null), Money.ofFen(20), Money.ZERO);

        // 100 fen freight over three equal lines: 34, 33, 33 (the left-over fen to the earlier line); 20 insurance: 7, 7, 6
        assertThat(price.lines()).extracting(PricedLine::dutiableValue)
                .containsExactly(Money.ofFen(1041), Money.ofFen(1040), Money.ofFen(1039));
        assertThat(Money.sum(price.lines().stream().map(PricedLine::dutiableValue).toList()))
                .isEqualTo(Money.ofFen(3000 + 100 + 20));
        // 1041 × 0.091 = 94.731 -> 95; 1040 × 0.091 = 94.64 -> 95; 1039 × 0.063 = 65.457 -> 65
        assertThat(price.tax()).isEqualTo(Money.ofFen(95 + 95 + 65));
        assertThat(price.insurance()).isEqualTo(Money.ofFen(20));
        assertThat(price.total()).isEqualTo(Money.ofFen(3000 + 100 + 20 + 255));
    }

    @ParameterizedTest(name = "{0} lines of {1} fen: {2} fen tax per line, {3} in all")
    @CsvSource({
            // unit fen, per-line tax (× 0.091, half-up), order tax; taxing the order's 3 × value at once would give:
            "3, 5, 0, 0",   // 15 × 0.091 = 1.365 -> 1
            "3, 6, 1, 3",   // 18 × 0.091 = 1.638 -> 2
            "2, 50, 5, 10", // 4.55 -> 5 each; 100 × 0.091 = 9.1 -> 9
    })
    void tax_is_rounded_per_line_then_summed(int lines, long unitFen, long lineTax, long orderTax) {
        List<LineToPrice> priced = new java.util.ArrayList<>();
        for (int i = 0; i < lines; i++) {
            priced.add(line("SKU-" + i, 1, unitFen, VAT_13));
        }
        PriceBreakdown price = Pricing.price(priced, FreightPolicy.NONE, Money.ZERO, Money.ZERO);
        assertThat(price.lines()).allSatisfy(l -> assertThat(l.tax().total()).isEqualTo(Money.ofFen(lineTax)));
        assertThat(price.tax()).isEqualTo(Money.ofFen(orderTax));
    }

    @ParameterizedTest(name = "goods {0} fen with flat {1}, free from {2}: freight {3}")
    @CsvSource(nullValues = "none", value = {
            "49999, 1000, 50000, 1000",
            "50000, 1000, 50000, 0",     // reaching the threshold ships free
            "50001, 1000, 50000, 0",
            "99999, 1000, none, 1000",   // no threshold: always the flat amount
            "100, 0, none, 0",           // no freight configured
            "100, none, none, 0",
    })
    void freight_is_waived_from_the_threshold_on(long goodsFen, Long flatFen, Long freeFromFen, long freightFen) {
        PriceBreakdown price = Pricing.price(List.of(line("X", 1, goodsFen, VAT_13)), FreightPolicy.of(flatFen, freeFromFen),
                Money.ZERO, Money.ZERO);
        assertThat(price.freight()).isEqualTo(Money.ofFen(freightFen));
        assertThat(price.lines().get(0).dutiableValue()).isEqualTo(Money.ofFen(goodsFen + freightFen));
    }

    @Test
    void general_trade_lines_share_the_freight_but_carry_no_import_tax() {
        PriceBreakdown price = Pricing.price(List.of(new LineToPrice("VITAMIN", 1, Money.ofFen(4900), VAT_13, TradeMode.GENERAL),
                line("A2", 1, 29900, VAT_13)), FreightPolicy.of(1000L, null), Money.ZERO, Money.ZERO);

        // 1000 × 4900 / 34800 = 140.8 and 859.2: 141 and 859
        assertThat(price.lines()).extracting(PricedLine::dutiableValue).containsExactly(Money.ofFen(5041), Money.ofFen(30759));
        assertThat(price.lines().get(0).tax().total()).isEqualTo(Money.ZERO);
        // 30759 × 0.091 = 2799.07 -> 2799
        assertThat(price.tax()).isEqualTo(Money.ofFen(2799));
        assertThat(price.total()).isEqualTo(Money.ofFen(34800 + 1000 + 2799));
    }

    @Test
    void a_discount_lowers_the_total_but_not_the_tax_base() {
        List<LineToPrice> lines = List.of(line("A2", 1, 29900, VAT_13));
        PriceBreakdown full = Pricing.price(lines, FreightPolicy.NONE, Money.ZERO, Money.ZERO);
        PriceBreakdown discounted = Pricing.price(lines, FreightPolicy.NONE, Money.ZERO, Money.ofFen(1000));

        assertThat(discounted.tax()).isEqualTo(full.tax());
        assertThat(discounted.discount()).isEqualTo(Money.ofFen(1000));
        assertThat(discounted.total()).isEqualTo(full.total().minus(Money.ofFen(1000)));
        assertThatThrownBy(() -> Pricing.price(lines, FreightPolicy.NONE, Money.ZERO, Money.ofFen(32622)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Pricing.price(lines, FreightPolicy.NONE, Money.ofFen(-1), Money.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_empty_cart_costs_nothing_not_even_freight() {
        PriceBreakdown price = Pricing.price(List.of(), FreightPolicy.of(1000L, null), Money.ZERO, Money.ZERO);
        assertThat(price.total()).isEqualTo(Money.ZERO);
        assertThat(price.freight()).isEqualTo(Money.ZERO);
        assertThat(price.lines()).isEmpty();
    }

    private static LineToPrice line(String sku, int quantity, long unitFen, TaxRates rates) {
        return new LineToPrice(sku, quantity, Money.ofFen(unitFen), rates, TradeMode.BONDED_IMPORT);
    }
}
