package io.vitrine.orders.payment.reconciliation;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.money.Money;

/**
 * One disagreement, with both sides as they are (null where a side has nothing).
 *
 * @param billTradeNo  the bill's 支付宝交易号
 * @param ourTradeNo   the trade number in our books
 * @param billAmount   the bill's amount (positive, refunds included)
 * @param ourAmount    ours
 */
public record Difference(DifferenceKind kind, EntryKind entryKind, String outTradeNo, @Nullable String outRequestNo,
                         @Nullable String billTradeNo, @Nullable String ourTradeNo,
                         @Nullable Money billAmount, @Nullable Money ourAmount) {

    static Difference of(DifferenceKind kind, @Nullable PaymentEntry bill, @Nullable ExpectedPayment ours) {
        PaymentEntry either = bill != null ? bill : ours.entry();
        return new Difference(kind, either.kind(), either.outTradeNo(), either.outRequestNo(),
                bill == null ? null : bill.tradeNo(), ours == null ? null : ours.entry().tradeNo(),
                bill == null ? null : bill.amount(), ours == null ? null : ours.entry().amount());
    }
}
