package io.vitrine.kernel.tax;

import io.vitrine.kernel.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** domain.md "Cross-border retail import rules", with its vectors. */
class CrossBorderTaxTest {

    private static final TaxRates VAT_13 = TaxRates.of("0.13", "0", null);
    private static final TaxRates COSMETICS = TaxRates.of("0.13", "0.15", "0.05");
    private static final TaxRates VAT_9 = TaxRates.of("0.09", "0", "0.15");

    private static Money fen(long fen) {
        return Money.ofFen(fen);
    }

    @Test
    void the_comprehensive_rate_is_ct_plus_vat_over_one_minus_ct_times_seventy_percent() {
        assertThat(CrossBorderTax.comprehensiveRate(VAT_13)).isEqualByComparingTo("0.091");
        assertThat(CrossBorderTax.comprehensiveRate(COSMETICS)).isEqualByComparingTo("0.2305882353");
        assertThat(CrossBorderTax.comprehensiveRate(COSMETICS).setScale(4, java.math.RoundingMode.HALF_UP))
                .isEqualByComparingTo("0.2306"); // ≈ 23.06%
        assertThat(CrossBorderTax.comprehensiveRate(VAT_9)).isEqualByComparingTo("0.063");
    }

    @Test
    void within_the_limits_thirteen_percent_vat_alone_is_taxed_at_nine_point_one_percent() {
        ImportTax tax = CrossBorderTax.withinLimits(fen(10000), VAT_13);

        assertThat(tax.total()).isEqualTo(fen(910));
        assertThat(tax.tariff()).isEqualTo(Money.ZERO);
        assertThat(tax.consumption()).isEqualTo(Money.ZERO);
        assertThat(tax.vat()).isEqualTo(fen(910));
    }

    @Test
    void within_the_limits_consumption_tax_is_levied_on_a_price_that_includes_it() {
        // 100.00 at (0.15 + 0.13) / 0.85 × 0.7 = 23.0588...% -> 23.06; consumption 0.15 / 0.85 × 0.7 × 100 = 12.35
        ImportTax tax = CrossBorderTax.withinLimits(fen(10000), COSMETICS);

        assertThat(tax.total()).isEqualTo(fen(2306));
        assertThat(tax.consumption()).isEqualTo(fen(1235));
        assertThat(tax.vat()).isEqualTo(fen(1071));
        assertThat(tax.tariff()).isEqualTo(Money.ZERO);
    }

    @ParameterizedTest(name = "{0} fen at 9.1% -> {1} fen")
    @CsvSource({
            "1500, 137",  // 136.5: half a fen rounds up, never to even
            "1505, 137",  // 136.955
            "5, 0",       // 0.455
            "50, 5",      // 4.55
            "0, 0",
    })
    void amounts_round_half_up_to_the_fen_once(long value, long tax) {
        assertThat(CrossBorderTax.withinLimits(fen(value), VAT_13).total()).isEqualTo(fen(tax));
    }

    @Test
    void the_total_is_the_value_times_the_exact_rate_rounded_once_and_the_parts_add_up_to_it() {
        for (long value = 1; value <= 20000; value += 7) {
            ImportTax tax = CrossBorderTax.withinLimits(fen(value), COSMETICS);
            long exact = BigDecimal.valueOf(value).multiply(new BigDecimal("0.196"))
                    .divide(new BigDecimal("0.85"), 0, java.math.RoundingMode.HALF_UP).longValueExact();
            assertThat(tax.total()).as("value %d", value).isEqualTo(fen(exact));
            assertThat(tax.consumption().plus(tax.vat())).isEqualTo(tax.total());
        }
    }

    @Test
    void general_trade_levies_tariff_then_consumption_tax_then_vat_in_full() {
        // 6000.00 at 5% MFN: tariff 300.00; CT (6300 / 0.85) × 0.15 = 1111.7647 -> 1111.76;
        // VAT (6300 + 1111.76) × 0.13 = 963.5288 -> 963.53
        ImportTax tax = CrossBorderTax.generalTrade(fen(600000), COSMETICS);

        assertThat(tax.tariff()).isEqualTo(fen(30000));
        assertThat(tax.consumption()).isEqualTo(fen(111176));
        assertThat(tax.vat()).isEqualTo(fen(96353));
        assertThat(tax.total()).isEqualTo(fen(237529));
    }

    @Test
    void general_trade_without_consumption_tax_is_tariff_plus_vat_on_the_duty_paid_value() {
        // 5200.00 at 15% MFN: tariff 780.00; VAT (5200 + 780) × 0.09 = 538.20
        ImportTax tax = CrossBorderTax.generalTrade(fen(520000), VAT_9);

        assertThat(tax).isEqualTo(new ImportTax(fen(78000), Money.ZERO, fen(53820)));
    }

    @Test
    void a_product_without_an_mfn_rate_cannot_use_the_single_item_exception() {
        assertThat(CrossBorderTax.allowsGeneralTrade(VAT_13)).isFalse();
        assertThat(CrossBorderTax.allowsGeneralTrade(COSMETICS)).isTrue();
        assertThatThrownBy(() -> CrossBorderTax.generalTrade(fen(600000), VAT_13)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void freight_and_insurance_are_shared_across_lines_by_value_and_add_up() {
        List<Money> lines = List.of(fen(6000), fen(3000), fen(1000));

        assertThat(CrossBorderTax.dutiableValues(lines, fen(1001), fen(10)))
                .containsExactly(fen(6000 + 601 + 6), fen(3000 + 300 + 3), fen(1000 + 100 + 1));
        assertThat(CrossBorderTax.dutiableValues(lines, Money.ZERO, Money.ZERO)).isEqualTo(lines);
        assertThatThrownBy(() -> CrossBorderTax.dutiableValues(List.of(), fen(100), Money.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void lines_worth_nothing_share_freight_and_insurance_equally() {
        assertThat(CrossBorderTax.dutiableValues(List.of(Money.ZERO, Money.ZERO, Money.ZERO), fen(100), fen(2)))
                .containsExactly(fen(34 + 1), fen(33 + 1), fen(33));
        assertThat(CrossBorderTax.dutiableValues(List.of(Money.ZERO), fen(100), Money.ZERO)).containsExactly(fen(100));
    }

    @Test
    void rates_outside_their_ranges_are_refused() {
        assertThatThrownBy(() -> TaxRates.of("1", "0", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TaxRates.of("0.13", "1", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TaxRates.of("0.13", "-0.01", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TaxRates.of("0.13", "0", "1.5")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CrossBorderTax.withinLimits(fen(-1), VAT_13)).isInstanceOf(IllegalArgumentException.class);
    }
}
