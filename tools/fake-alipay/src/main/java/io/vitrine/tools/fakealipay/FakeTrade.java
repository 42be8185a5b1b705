package io.vitrine.tools.fakealipay;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One trade as the fake gateway keeps it, snapshotted whole into the ledger at every change.
 *
 * @param appId     the merchant's app (for an ISV call, the app the app_auth_token stands for)
 * @param callerAppId the app that called: the merchant's own, or the ISV's (the notify's app_id)
 * @param status    Alipay's trade_status: WAIT_BUYER_PAY, TRADE_SUCCESS, TRADE_CLOSED (TRADE_FINISHED is not reached)
 * @param notifyUrl where the async notify goes once paid; empty when the caller gave none
 */
public record FakeTrade(String appId, String callerAppId, String outTradeNo, String tradeNo, BigDecimal totalAmount, String subject,
                        String status, String notifyUrl, String returnUrl, String createdAt, String paidAt,
                        List<Refund> refunds) {

    public FakeTrade {
        totalAmount = totalAmount.setScale(2); // yuan with two decimals, as Alipay writes them
        refunds = refunds == null ? List.of() : List.copyOf(refunds);
    }

    /** One accepted refund; {@code outRequestNo} makes a retry of it a no-op. */
    public record Refund(String outRequestNo, BigDecimal amount, String at) {
        public Refund {
            amount = amount.setScale(2);
        }
    }

    public BigDecimal refunded() {
        return refunds.stream().map(Refund::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public FakeTrade paid(String at) {
        return new FakeTrade(appId, callerAppId, outTradeNo, tradeNo, totalAmount, subject, "TRADE_SUCCESS", notifyUrl, returnUrl,
                createdAt, at, refunds);
    }

    public FakeTrade closed() {
        return new FakeTrade(appId, callerAppId, outTradeNo, tradeNo, totalAmount, subject, "TRADE_CLOSED", notifyUrl, returnUrl,
                createdAt, paidAt, refunds);
    }

    /** Alipay closes a trade once it is refunded in full. */
    public FakeTrade refund(Refund refund) {
        List<Refund> all = new ArrayList<>(refunds);
        all.add(refund);
        boolean full = refunded().add(refund.amount()).compareTo(totalAmount) >= 0;
        return new FakeTrade(appId, callerAppId, outTradeNo, tradeNo, totalAmount, subject, full ? "TRADE_CLOSED" : status,
                notifyUrl, returnUrl, createdAt, paidAt, all);
    }
}
