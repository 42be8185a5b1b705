package io.vitrine.catalog.stock;

import io.vitrine.kernel.error.BusinessRuleException;

/**
 * A reservation or commit refused (422 {@code OUT_OF_STOCK}) for the first line short of available stock; the line
 * says which SKU, so checkout can tell the shopper in their language.
 */
public class OutOfStockException extends BusinessRuleException {

    private final transient ReservationLine line;

    public OutOfStockException(ReservationLine line) {
        super("OUT_OF_STOCK", "Not enough stock of " + line.sku() + " at " + line.warehouseCode() + " for "
                + line.quantity() + ".");
        this.line = line;
    }

    public ReservationLine line() {
        return line;
    }
}
