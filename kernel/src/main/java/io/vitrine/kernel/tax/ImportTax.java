package io.vitrine.kernel.tax;

import io.vitrine.kernel.money.Money;

import java.util.Objects;

/**
 * The import taxes on one dutiable value, each in whole fen (the CEB816 tax bill's customsTax,
 * consumptionTax and valueAddedTax).
 */
public record ImportTax(Money tariff, Money consumption, Money vat) {

    public static final ImportTax NONE = new ImportTax(Money.ZERO, Money.ZERO, Money.ZERO);

    public ImportTax {
        Objects.requireNonNull(tariff, "tariff");
        Objects.requireNonNull(consumption, "consumption");
        Objects.requireNonNull(vat, "vat");
    }

    /** What the buyer pays in tax: the order's {@code taxTotal}. */
    public Money total() {
        return tariff.plus(consumption).plus(vat);
    }
}
