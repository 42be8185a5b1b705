package io.vitrine.catalog.stock;

/** Why on-hand stock changed, as the ledger records it. */
public enum StockMovement {
    /** Set to a counted quantity ({@code PUT /stock/{warehouse}/{sku}}). */
    COUNT,
    /** Moved by a signed delta with a reason (goods received, damaged, returned to the bonded site...). */
    ADJUSTMENT,
    /** Left the warehouse for a paid order (a committed reservation). */
    SALE,
    /** Back on hand: a paid order was cancelled before it left (its committed reservation returned). */
    RETURN
}
