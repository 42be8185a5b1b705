package io.vitrine.pos.storestock;

/** What a store stock movement row is: units sold (negative), units returned (positive), or a shelf count. */
public enum MovementKind {
    SALE, RETURN, COUNT
}
