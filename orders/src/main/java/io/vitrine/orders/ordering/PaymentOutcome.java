package io.vitrine.orders.ordering;

/** What a payment did to its order. */
public enum PaymentOutcome {
    /** PENDING_PAYMENT → PAID, now. */
    PAID,
    /** Already paid by this trade: a replay, nothing changed. */
    ALREADY_PAID,
    /** The trade is not paid (yet): nothing changed. */
    NOT_PAID,
    /** The amount is not the order's total: nothing changed but a note and an alert. */
    AMOUNT_MISMATCH,
    /** Paid after the order was closed or cancelled: refunded (once). */
    REFUNDED
}
