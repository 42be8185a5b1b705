package io.vitrine.oversight.display;

/**
 * What moved on a display account. OUT_FOR_DISPLAY takes units out of the bonded warehouse's stock onto display;
 * RETURNED_TO_ZONE puts them back; SOLD_DECLARED takes a display sample off display for a declared, released order
 * (the order's unit was counted out of the warehouse at payment: the sample went instead, so the warehouse count
 * gets it back).
 */
public enum MovementKind {
    OUT_FOR_DISPLAY,
    SOLD_DECLARED,
    RETURNED_TO_ZONE;

    /** The signed change this kind makes to what is on display. */
    long signed(long quantity) {
        return this == OUT_FOR_DISPLAY ? quantity : -quantity;
    }
}
