package io.vitrine.orders.payment.reconciliation;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.money.Money;

import java.util.Objects;

/**
 * One payment or refund, on the bill or in our books. A payment is known by its out_trade_no (our order number), a
 * refund by out_trade_no and out_request_no (our refund number). The amount is always positive: the bill's negative
 * refund amounts are turned around when read.
 *
 * @param tradeNo Alipay's trade number; may be unknown on our side (a payment we booked from a query without it)
 */
public record PaymentEntry(EntryKind kind, String outTradeNo, @Nullable String tradeNo, @Nullable String outRequestNo,
                           Money amount) {

    public PaymentEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(amount, "amount");
        if (outTradeNo == null || outTradeNo.isBlank()) {
            throw new IllegalArgumentException("an entry needs its out_trade_no");
        }
        if (kind == EntryKind.REFUND && (outRequestNo == null || outRequestNo.isBlank())) {
            throw new IllegalArgumentException("a refund needs its out_request_no");
        }
        if (amount.isNegative()) {
            throw new IllegalArgumentException("entry amounts are positive, refunds included");
        }
        outRequestNo = kind == EntryKind.PAYMENT ? null : outRequestNo;
    }

    public static PaymentEntry payment(String outTradeNo, @Nullable String tradeNo, Money amount) {
        return new PaymentEntry(EntryKind.PAYMENT, outTradeNo, tradeNo, null, amount);
    }

    public static PaymentEntry refund(String outTradeNo, @Nullable String tradeNo, String outRequestNo, Money amount) {
        return new PaymentEntry(EntryKind.REFUND, outTradeNo, tradeNo, outRequestNo, amount);
    }

    /** What a bill line and one of ours are matched by. */
    public Key key() {
        return new Key(kind, outTradeNo, outRequestNo);
    }

    public record Key(EntryKind kind, String outTradeNo, @Nullable String outRequestNo) {
    }
}
