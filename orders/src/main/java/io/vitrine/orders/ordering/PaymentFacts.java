package io.vitrine.orders.ordering;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.money.Money;
import io.vitrine.orders.payment.TradeStatus;
import io.vitrine.orders.payment.VerifiedNotify;

import java.time.Instant;

/** What Alipay says about an order's trade: from a verified notify, or (later) from a query. */
public record PaymentFacts(String outTradeNo, String tradeNo, Money totalAmount, TradeStatus status,
                           @Nullable Instant paidAt) {

    public static PaymentFacts of(VerifiedNotify notify) {
        return new PaymentFacts(notify.outTradeNo(), notify.tradeNo(), notify.totalAmount(), notify.status(),
                notify.paidAt());
    }
}
