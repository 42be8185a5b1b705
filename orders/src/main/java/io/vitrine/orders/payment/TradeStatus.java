package io.vitrine.orders.payment;

/** Alipay's {@code trade_status}. */
public enum TradeStatus {
    /** Created, not paid yet. */
    WAIT_BUYER_PAY,
    /** Closed unpaid (timeout or close), or refunded in full. */
    TRADE_CLOSED,
    /** Paid; refunds still possible. */
    TRADE_SUCCESS,
    /** Paid and final: no refund possible any more. */
    TRADE_FINISHED;

    public boolean isPaid() {
        return this == TRADE_SUCCESS || this == TRADE_FINISHED;
    }
}
