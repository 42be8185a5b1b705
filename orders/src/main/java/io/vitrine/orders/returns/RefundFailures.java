package io.vitrine.orders.returns;

import io.vitrine.orders.payment.PaymentRefusedException;

import java.util.Optional;
import java.util.Set;

/**
 * Which failed return refunds are worth trying again. Only Alipay's business refusals in {@link #PERMANENT} are final:
 * the trade is unknown, closed or finished, the amount is beyond what is left, the request contradicts an earlier
 * one with the same out_request_no, the account may not refund, or its balance is short — retrying the same request
 * gets the same answer until someone fixes the cause, so the return becomes REFUND_FAILED and waits for a merchant
 * admin. Everything else (gateway unreachable or busy, a lost answer, ACQ.SYSTEM_ERROR and any refusal not listed)
 * may pass by itself and is retried by the outbox with its backoff; out_request_no makes every retry safe.
 */
final class RefundFailures {

    /** Alipay's alipay.trade.refund sub_codes that retrying the same request cannot fix. */
    static final Set<String> PERMANENT = Set.of(
            "ACQ.TRADE_NOT_EXIST",
            "ACQ.TRADE_STATUS_ERROR",
            "ACQ.TRADE_HAS_CLOSE",
            "ACQ.TRADE_HAS_FINISHED",
            "ACQ.TRADE_NOT_ALLOW_REFUND",
            "ACQ.REFUND_AMT_NOT_EQUAL_TOTAL",
            "ACQ.REFUND_FEE_ERROR",
            "ACQ.DISCORDANT_REPEAT_REQUEST",
            "ACQ.SELLER_BALANCE_NOT_ENOUGH",
            "ACQ.ACCESS_FORBIDDEN",
            "ACQ.INVALID_PARAMETER");

    private RefundFailures() {
    }

    /** The refusal's code when retrying cannot fix it; empty for a failure worth retrying. */
    static Optional<String> permanent(RuntimeException failure) {
        return failure instanceof PaymentRefusedException refused && PERMANENT.contains(refused.providerCode())
                ? Optional.of(refused.providerCode()) : Optional.empty();
    }
}
