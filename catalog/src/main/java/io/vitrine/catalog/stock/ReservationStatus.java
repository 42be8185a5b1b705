package io.vitrine.catalog.stock;

/**
 * Where a reservation stands. Only ACTIVE holds stock; it ends once, in one of the other three:
 * ACTIVE → RELEASED (checkout gave up), EXPIRED (its time ran out), COMMITTED (the order was paid: the units
 * left on-hand stock). A RELEASED or EXPIRED reservation may still be COMMITTED (a payment arriving late) if the
 * stock is there, which {@code Reservations.commit} checks again. A COMMITTED reservation becomes RETURNED, once,
 * when its paid order is cancelled: the units are back on hand.
 */
public enum ReservationStatus {
    ACTIVE, RELEASED, EXPIRED, COMMITTED, RETURNED;

    boolean holdsStock() {
        return this == ACTIVE;
    }
}
