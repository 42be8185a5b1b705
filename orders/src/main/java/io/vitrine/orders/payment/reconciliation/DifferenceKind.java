package io.vitrine.orders.payment.reconciliation;

/** How a bill line and our books disagree. */
public enum DifferenceKind {
    /** We count it as done; the bill does not have it. */
    MISSING_AT_ALIPAY,
    /** The bill has it; our books do not know it. */
    MISSING_AT_OURS,
    /** Both have it, with different amounts. */
    AMOUNT_DIFFERS,
    /** The bill has it done; our books know it but not as done (closed unpaid, refund pending). */
    STATUS_DIFFERS,
    /** Both have it with the same amount, but under different Alipay trade numbers. */
    TRADE_NO_DIFFERS,
    /** The bill has the same payment or refund more than once. */
    DUPLICATE_AT_ALIPAY
}
