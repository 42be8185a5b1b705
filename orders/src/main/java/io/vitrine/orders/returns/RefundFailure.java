package io.vitrine.orders.returns;

import java.time.Instant;

/**
 * Why Alipay refused a return's refund for good ({@link RefundFailures}): kept on the refund while the return is
 * REFUND_FAILED, shown to the shop's staff, cleared when a merchant admin re-queues it.
 *
 * @param code   Alipay's sub_code, e.g. {@code ACQ.TRADE_NOT_EXIST}
 * @param reason Alipay's message, at most {@value #MAX_REASON} characters
 */
public record RefundFailure(String code, String reason, Instant at) {

    public static final int MAX_REASON = 500;

    public RefundFailure {
        reason = reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON - 3) + "..." : reason;
    }
}
