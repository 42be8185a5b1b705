package io.vitrine.orders.payment;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.money.Money;

import java.time.Instant;

/**
 * An async notify whose signature and app id were checked. Replays carry the same {@code notifyId};
 * the consumer still checks out_trade_no and total_amount against its order before marking it paid.
 *
 * @param paidAt {@code gmt_payment}; null for notifies of unpaid states
 */
public record VerifiedNotify(String notifyId, String outTradeNo, String tradeNo, Money totalAmount,
                             TradeStatus status, @Nullable Instant paidAt) {
}
