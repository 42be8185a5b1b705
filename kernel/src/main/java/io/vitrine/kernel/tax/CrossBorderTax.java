package io.vitrine.kernel.tax;

import io.vitrine.kernel.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The tax rule of cross-border retail import (domain.md "Cross-border retail import rules"), the one the
 * catalog shows and checkout charges. Amounts are rounded half-up to the fen ({@link Money}'s rule), once
 * per tax, from exact fractions: no intermediate rounding of rates.
 *
 * <p>Within the limits: no tariff; VAT and consumption tax at 70% of the statutory amount, so the tax is
 * the dutiable value times the comprehensive rate {@code (ct + vat) / (1 − ct) × 70%} (13% VAT alone:
 * 9.1%; with 15% consumption tax: ≈ 23.06%; 9% VAT: 6.3%). That total is rounded once; its consumption-tax
 * part is rounded on its own and VAT takes the rest, so the parts always add up to what the buyer is shown.
 *
 * <p>General trade (the single indivisible item above the per-transaction limit): tariff {@code V·t},
 * consumption tax {@code (V + tariff) / (1 − ct) · ct}, VAT {@code (V + tariff + CT) · vat}, each in full and
 * each assessed in fen before it enters the next one's base, as a customs tax bill lists them.
 */
public final class CrossBorderTax {

    /** Within the limits, VAT and consumption tax are collected at 70% of the statutory amount. */
    public static final BigDecimal RETAIL_SHARE = new BigDecimal("0.7");

    private static final int RATE_SCALE = 10;

    private CrossBorderTax() {
    }

    /** {@code (ct + vat) / (1 − ct) × 70%}, to 10 decimal places (for showing; amounts use the exact fraction). */
    public static BigDecimal comprehensiveRate(TaxRates rates) {
        return rates.consumption().add(rates.vat()).multiply(RETAIL_SHARE)
                .divide(BigDecimal.ONE.subtract(rates.consumption()), RATE_SCALE, RoundingMode.HALF_UP);
    }

    /** The tax within the limits on a dutiable value (a unit price for the shelf, a line's value at checkout). */
    public static ImportTax withinLimits(Money dutiableValue, TaxRates rates) {
        BigDecimal value = base(dutiableValue);
        BigDecimal keep = BigDecimal.ONE.subtract(rates.consumption());
        Money total = fen(value.multiply(rates.consumption().add(rates.vat())).multiply(RETAIL_SHARE), keep);
        Money consumption = fen(value.multiply(rates.consumption()).multiply(RETAIL_SHARE), keep);
        return new ImportTax(Money.ZERO, consumption, total.minus(consumption));
    }

    /** True when the product can take the single-item exception: it needs its MFN tariff rate. */
    public static boolean allowsGeneralTrade(TaxRates rates) {
        return rates.mfnTariff() != null;
    }

    /**
     * The tax in full as general trade, for the single indivisible item above the per-transaction limit.
     *
     * @throws IllegalStateException when the product has no MFN tariff rate (check {@link #allowsGeneralTrade})
     */
    public static ImportTax generalTrade(Money dutiableValue, TaxRates rates) {
        if (!allowsGeneralTrade(rates)) {
            throw new IllegalStateException("a product without an MFN tariff rate cannot be taxed as general trade");
        }
        BigDecimal value = base(dutiableValue);
        Money tariff = fen(value.multiply(rates.mfnTariff()), BigDecimal.ONE);
        BigDecimal dutyPaid = value.add(BigDecimal.valueOf(tariff.fen()));
        Money consumption = fen(dutyPaid.multiply(rates.consumption()), BigDecimal.ONE.subtract(rates.consumption()));
        Money vat = fen(dutyPaid.add(BigDecimal.valueOf(consumption.fen())).multiply(rates.vat()), BigDecimal.ONE);
        return new ImportTax(tariff, consumption, vat);
    }

    /**
     * The dutiable value of each order line: its goods value plus its share of the order's freight and
     * insurance, shared by value (domain.md: the tax base is the transaction price), or equally when every line
     * is worth nothing. Shares always add up to the whole freight and insurance ({@link Money#apportionBy}).
     */
    public static List<Money> dutiableValues(List<Money> lineValues, Money freight, Money insurance) {
        if (freight.isNegative() || insurance.isNegative()) {
            throw new IllegalArgumentException("freight and insurance are never negative");
        }
        if (freight.isZero() && insurance.isZero()) {
            return List.copyOf(lineValues);
        }
        if (lineValues.isEmpty()) {
            throw new IllegalArgumentException("freight or insurance needs at least one line to be shared across");
        }
        // lines worth nothing (free samples) share what there is to share equally: by value they would get nothing
        List<Money> weights = lineValues.stream().allMatch(Money::isZero)
                ? lineValues.stream().map(line -> Money.ofFen(1)).toList() : lineValues;
        List<Money> freightShares = freight.apportionBy(weights);
        List<Money> insuranceShares = insurance.apportionBy(weights);
        List<Money> values = new ArrayList<>(lineValues.size());
        for (int i = 0; i < lineValues.size(); i++) {
            values.add(lineValues.get(i).plus(freightShares.get(i)).plus(insuranceShares.get(i)));
        }
        return List.copyOf(values);
    }

    private static BigDecimal base(Money dutiableValue) {
        if (dutiableValue.isNegative()) {
            throw new IllegalArgumentException("a dutiable value is never negative");
        }
        return BigDecimal.valueOf(dutiableValue.fen());
    }

    /** {@code numerator / denominator} in fen, rounded half-up once (BigDecimal's division is exact here). */
    private static Money fen(BigDecimal numerator, BigDecimal denominator) {
        return Money.ofFen(numerator.divide(denominator, 0, RoundingMode.HALF_UP).longValueExact());
    }
}
