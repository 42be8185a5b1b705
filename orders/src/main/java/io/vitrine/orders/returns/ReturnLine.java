package io.vitrine.orders.returns;

import io.vitrine.kernel.money.Money;

/**
 * One returned order line: how many units come back of the {@code orderedQuantity} bought, and the line as sold
 * (unit price, the line's goods value and import tax), from which the refund's share is worked out later.
 *
 * @param lineNo the order line's number (CEB625's gnum)
 */
public record ReturnLine(int lineNo, String sku, int quantity, int orderedQuantity, Money unitPrice,
                         Money lineValue, Money lineTax) {
}
