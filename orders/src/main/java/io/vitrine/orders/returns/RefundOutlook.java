package io.vitrine.orders.returns;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/**
 * What a return gives back, for staff deciding on it or following it: before its goods are back, the share as
 * {@link RefundShare} works it out now (the order as sold, the shop's current return freight policy); from then on,
 * the share recorded on receipt — the amount Alipay is asked for — with when it was refunded, or why Alipay refused it
 * for good. One computation, the refund's own: the console never works a refund out by itself.
 *
 * @param recorded true once the goods are back and the share is the recorded one
 */
public record RefundOutlook(RefundShare share, boolean recorded, @Nullable Instant refundedAt,
                            @Nullable RefundFailure failure) {

    static RefundOutlook of(ReturnRefund refund) {
        return new RefundOutlook(new RefundShare(refund.goods(), refund.tax(), refund.freight()), true,
                refund.refundedAt(), refund.failure());
    }

    static RefundOutlook expected(RefundShare share) {
        return new RefundOutlook(share, false, null, null);
    }
}
