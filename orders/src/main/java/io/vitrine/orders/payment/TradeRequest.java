package io.vitrine.orders.payment;

import io.vitrine.kernel.money.Money;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A trade to open with the provider.
 *
 * @param outTradeNo our order number, Alipay's {@code out_trade_no} (unique platform-wide, ≤ 64 characters)
 * @param amount     what the shopper pays, more than zero
 * @param subject    the line the shopper sees in Alipay (≤ 256 characters)
 * @param timeout    how long the trade stays payable; Alipay closes it after that
 */
public record TradeRequest(String outTradeNo, Money amount, String subject, Duration timeout) {

    private static final Pattern TRADE_NO = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    /** Alipay's ceiling for one trade. */
    private static final Money MAX = Money.ofFen(100_000_000_00L);

    public TradeRequest {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(timeout, "timeout");
        if (outTradeNo == null || !TRADE_NO.matcher(outTradeNo).matches()) {
            throw new IllegalArgumentException("out_trade_no is 1-64 letters, digits, '_' or '-'");
        }
        if (!amount.isPositive() || amount.isGreaterThan(MAX)) {
            throw new IllegalArgumentException("a trade amount is between 0.01 and 100000000.00: " + amount);
        }
        if (subject == null || subject.isBlank() || subject.length() > 256) {
            throw new IllegalArgumentException("a subject is 1-256 characters");
        }
        if (timeout.toMinutes() < 1) {
            throw new IllegalArgumentException("a trade stays payable at least one minute");
        }
    }

    /**
     * The trade of one of our orders: the subject names the order, and the trade stays payable for {@code window}
     * rounded up to Alipay's minutes (at least one).
     */
    public static TradeRequest ofOrder(String orderNo, Money total, Duration window) {
        return new TradeRequest(orderNo, total, "订单 " + orderNo,
                Duration.ofMinutes(Math.max(1, (window.toSeconds() + 59) / 60)));
    }
}
