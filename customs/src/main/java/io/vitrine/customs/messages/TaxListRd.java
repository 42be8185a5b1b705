package io.vitrine.customs.messages;

import io.vitrine.kernel.money.Money;

/** One line of a CEB816 tax bill ({@code TaxListRd}): the inventory line's gnum and HS code, its dutiable price. */
public record TaxListRd(int gnum, String gcode, Money taxPrice, Money customsTax, Money valueAddedTax,
                        Money consumptionTax) {
}
