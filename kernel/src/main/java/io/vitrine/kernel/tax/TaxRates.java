package io.vitrine.kernel.tax;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * A product's statutory tax rates as fractions ({@code 0.13} is 13%).
 *
 * @param vat         value-added tax, {@code 0 ≤ vat < 1} (13%, or 9% for some foods and books)
 * @param consumption consumption tax, {@code 0 ≤ consumption < 1} (0 for most goods, 15% for cosmetics...)
 * @param mfnTariff   the most-favoured-nation import tariff, {@code 0 ≤ t ≤ 1}; {@code null} when the product
 *                    has none recorded, which keeps it from the single-item general-trade exception
 */
public record TaxRates(BigDecimal vat, BigDecimal consumption, @Nullable BigDecimal mfnTariff) {

    public TaxRates {
        Objects.requireNonNull(vat, "vat");
        Objects.requireNonNull(consumption, "consumption");
        if (vat.signum() < 0 || vat.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("a VAT rate is at least 0 and below 1");
        }
        // the consumption tax is levied on a price that includes it: a rate of 1 would divide by zero
        if (consumption.signum() < 0 || consumption.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("a consumption-tax rate is at least 0 and below 1");
        }
        if (mfnTariff != null && (mfnTariff.signum() < 0 || mfnTariff.compareTo(BigDecimal.ONE) > 0)) {
            throw new IllegalArgumentException("an MFN tariff rate is between 0 and 1");
        }
    }

    public static TaxRates of(String vat, String consumption, @Nullable String mfnTariff) {
        return new TaxRates(new BigDecimal(vat), new BigDecimal(consumption),
                mfnTariff == null ? null : new BigDecimal(mfnTariff));
    }

    public Optional<BigDecimal> mfnTariffRate() {
        return Optional.ofNullable(mfnTariff);
    }
}
