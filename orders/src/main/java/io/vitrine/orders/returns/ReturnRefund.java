package io.vitrine.orders.returns;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.money.Money;

import java.time.Instant;

/**
 * A return whose goods are back at the bonded site, and its refund as worked out then ({@link RefundShare}): every
 * retry of the Alipay refund asks for this same {@link #amount()} under the return number.
 *
 * @param receivedBy     a staff id, or {@code device:<deviceKey>} of the warehouse partner
 * @param quotaReduction what the buyer's annual quota was reduced by (goods and refunded freight, no tax)
 * @param refundedAt     when Alipay confirmed the refund; null until then
 * @param failure        why Alipay refused it for good while the return is REFUND_FAILED; null otherwise
 */
public record ReturnRefund(String returnId, String returnNo, String orderNo, Money goods, Money tax, Money freight,
                           Money quotaReduction, Instant receivedAt, String receivedBy, @Nullable Instant refundedAt,
                           @Nullable RefundFailure failure) {

    /** Goods + their tax + freight: what goes back to the buyer. */
    public Money amount() {
        return goods.plus(tax).plus(freight);
    }
}
