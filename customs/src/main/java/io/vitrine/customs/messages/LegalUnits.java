package io.vitrine.customs.messages;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The HS code's legal units (法定计量单位) and how much of each one declared unit is: 2 cans (declared 122) of
 * 0.8 kg net with unit1 035 (kilogram) give qty1 1.6. The product snapshots these at sale (catalog's
 * {@code unit1}/{@code qty1PerUnit}, {@code unit2}/{@code qty2PerUnit}).
 */
public record LegalUnits(String unit1, BigDecimal qty1PerUnit, @Nullable String unit2,
                         @Nullable BigDecimal qty2PerUnit) {

    public LegalUnits {
        Objects.requireNonNull(unit1, "unit1");
        Objects.requireNonNull(qty1PerUnit, "qty1PerUnit");
        if ((unit2 == null) != (qty2PerUnit == null)) {
            throw new IllegalArgumentException("unit2 and qty2PerUnit go together");
        }
    }

    /** The declared quantity in the first legal unit (qty1). */
    public BigDecimal qty1(BigDecimal declared) {
        return declared.multiply(qty1PerUnit);
    }

    /** The declared quantity in the second legal unit (qty2), or null when the HS code has none. */
    @Nullable
    public BigDecimal qty2(BigDecimal declared) {
        return qty2PerUnit == null ? null : declared.multiply(qty2PerUnit);
    }
}
