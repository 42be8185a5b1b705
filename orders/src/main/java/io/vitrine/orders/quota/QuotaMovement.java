package io.vitrine.orders.quota;

/** The four changes to an annual quota, each recorded once per reference (order or return number). */
public enum QuotaMovement {
    /** An order is placed: its transaction price is reserved (refused beyond the limit). */
    RESERVE,
    /** The order is paid: the reservation becomes consumption. */
    CONSUME,
    /** The order is cancelled, closed unpaid, or finally rejected: what it held is given back. */
    RELEASE,
    /** A return is refunded: the buyer's annual total is reduced again by the returned value. */
    REDUCE
}
