package io.vitrine.orders.pricing;

import io.vitrine.kernel.money.Money;
import io.vitrine.kernel.tax.ImportTax;

/**
 * A line with its amounts: goods value ({@code unitPrice × quantity}), dutiable value (the goods value plus
 * the line's share of freight and insurance) and the tax on it, rounded to the fen for this line alone.
 */
public record PricedLine(LineToPrice line, Money value, Money dutiableValue, ImportTax tax) {
}
