package io.vitrine.orders.payment;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.money.Money;

import java.time.Instant;

/**
 * A trade as the provider reports it.
 *
 * @param tradeNo Alipay's own trade number
 * @param paidAt  when the shopper paid; null until then
 */
public record Trade(String outTradeNo, String tradeNo, TradeStatus status, Money totalAmount, @Nullable Instant paidAt) {
}
