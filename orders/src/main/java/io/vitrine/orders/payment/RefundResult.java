package io.vitrine.orders.payment;

import io.vitrine.kernel.money.Money;

/**
 * What the provider answered to a refund.
 *
 * @param refundedTotal everything refunded on the trade so far, this refund included
 * @param fundChanged   false when the request was a repeat and no money moved this time
 */
public record RefundResult(String outTradeNo, String tradeNo, Money refundedTotal, boolean fundChanged) {
}
