package io.vitrine.orders.payment;

import io.vitrine.kernel.money.Money;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A refund of all or part of a paid trade.
 *
 * @param outRequestNo identifies this refund: sending it again (a retry after a timeout) refunds nothing
 *                     more; each partial refund needs its own
 * @param reason       shown to the shopper; optional
 */
public record RefundRequest(String outTradeNo, String outRequestNo, Money amount, String reason) {

    private static final Pattern NUMBER = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public RefundRequest {
        Objects.requireNonNull(amount, "amount");
        if (outTradeNo == null || !NUMBER.matcher(outTradeNo).matches()
                || outRequestNo == null || !NUMBER.matcher(outRequestNo).matches()) {
            throw new IllegalArgumentException("out_trade_no and out_request_no are 1-64 letters, digits, '_' or '-'");
        }
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("a refund amount is more than zero: " + amount);
        }
    }
}
