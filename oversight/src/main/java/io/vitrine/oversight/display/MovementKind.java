package io.vitrine.oversight.display;

/**
 * What moved on a display account. OUT_FOR_DISPLAY takes units out of the bonded warehouse's stock onto display;
 * RETURNED_TO_ZONE puts them back; SOLD_AT_POS takes units off display that the store's POS sold at its till (not yet
 * declared: they wait for a declared order, and the report flags them); SOLD_DECLARED takes a display sample off
 * display for a declared, released order, settling a POS sale of the SKU still waiting first (the order's unit was
 * counted out of the warehouse at payment: the sample went instead, so the warehouse count gets it back).
 */
public enum MovementKind {
    OUT_FOR_DISPLAY,
    SOLD_DECLARED,
    RETURNED_TO_ZONE,
    /** Recorded from the POS's accepted SALE events only ({@link PosSales}), never from the movement form. */
    SOLD_AT_POS
}
