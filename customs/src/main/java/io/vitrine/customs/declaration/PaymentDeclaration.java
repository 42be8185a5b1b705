package io.vitrine.customs.declaration;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.orders.payment.CustomsDeclaration;
import io.vitrine.orders.payment.CustomsDeclarationQuery;

import java.time.Instant;

/**
 * The payment leg's declaration by the payment company (Alipay's {@code alipay.trade.customs.declare}), one per
 * order (table {@code declaration_payments}, V30). Its {@code outRequestNo} is fixed and stored before Alipay is
 * first called, so every attempt and every query after an unknown outcome names the same declaration.
 *
 * @param identityCheck Alipay's check of the buyer against the payer: {@code T}, {@code F}, or null when not known
 *                      (not asked, or learnt from a query, which does not carry it)
 * @param attempts      declare calls made so far
 * @param lastError     why the last attempt did not give an answer, or why the declaration stopped
 */
public record PaymentDeclaration(TenantId tenant, String orderNo, String outRequestNo, State state,
                                 @Nullable String alipayDeclareNo, @Nullable String payCode,
                                 @Nullable String payTransactionId, @Nullable String verDept,
                                 @Nullable String identityCheck, int attempts, @Nullable String lastError,
                                 Instant createdAt, Instant updatedAt) {

    /** Where the declaration stands on our side. */
    public enum State {
        /** Stored, Alipay not called yet. */
        PREPARED,
        /** Alipay was called and did not answer (timeout, unreachable, busy): ask before declaring again. */
        UNKNOWN,
        /** Alipay declared it and the payer is the buyer. */
        ACCEPTED,
        /** The payer is not the buyer, Alipay refused it, or customs failed it. */
        REJECTED;

        public boolean isFinal() {
            return this == ACCEPTED || this == REJECTED;
        }
    }

    /** The one request number of an order's payment declaration: the order number (17) and {@code -P}. */
    static String requestNumberOf(String orderNo) {
        return orderNo + "-P";
    }

    static PaymentDeclaration prepare(TenantId tenant, String orderNo, Instant at) {
        return new PaymentDeclaration(tenant, orderNo, requestNumberOf(orderNo), State.PREPARED, null, null, null,
                null, null, 0, null, at, at);
    }

    /** The payer is not the buyer: the declaration cannot go on, the order is cancelled and refunded. */
    public boolean payerIsNotTheBuyer() {
        return state == State.REJECTED && "F".equals(identityCheck);
    }

    PaymentDeclaration attempted(Instant at) {
        return new PaymentDeclaration(tenant, orderNo, outRequestNo, State.UNKNOWN, alipayDeclareNo, payCode,
                payTransactionId, verDept, identityCheck, attempts + 1, lastError, createdAt, at);
    }

    PaymentDeclaration failed(String error, Instant at) {
        return new PaymentDeclaration(tenant, orderNo, outRequestNo, state, alipayDeclareNo, payCode,
                payTransactionId, verDept, identityCheck, attempts, cut(error), createdAt, at);
    }

    /** Alipay's answer to the declare call; identity_check F (or a missing check) is not an acceptance. */
    PaymentDeclaration answered(CustomsDeclaration answer, Instant at) {
        String check = answer.identityMatched() == null ? null : answer.identityMatched() ? "T" : "F";
        State next = "T".equals(check) ? State.ACCEPTED : State.REJECTED;
        return new PaymentDeclaration(tenant, orderNo, outRequestNo, next, answer.alipayDeclareNo(),
                answer.payCode(), answer.payTransactionId(), answer.verDept(), check, attempts,
                next == State.REJECTED ? "identity_check " + (check == null ? "missing" : check) : null,
                createdAt, at);
    }

    /**
     * What a query found after an unknown outcome: Alipay's status {@code succ}/{@code success} accepts it,
     * {@code fail} rejects it with customs' result; anything else (processing) leaves it UNKNOWN, with its number.
     * The query does not carry pay_code nor identity_check: the payment transaction id is the trade number.
     */
    PaymentDeclaration found(CustomsDeclarationQuery.Declared declared, Instant at) {
        String status = declared.status() == null ? "" : declared.status().toLowerCase(java.util.Locale.ROOT);
        State next = status.startsWith("succ") ? State.ACCEPTED : status.equals("fail") ? State.REJECTED
                : State.UNKNOWN;
        return new PaymentDeclaration(tenant, orderNo, outRequestNo, next, declared.alipayDeclareNo(), payCode,
                declared.tradeNo(), verDept, identityCheck, attempts,
                next == State.REJECTED ? cut(failure(declared)) : null, createdAt, at);
    }

    /** Alipay refused the declaration for a business reason (retrying changes nothing). */
    PaymentDeclaration refused(String reason, Instant at) {
        return new PaymentDeclaration(tenant, orderNo, outRequestNo, State.REJECTED, alipayDeclareNo, payCode,
                payTransactionId, verDept, identityCheck, attempts, cut(reason), createdAt, at);
    }

    static String failure(CustomsDeclarationQuery.Declared declared) {
        return declared.customsResultInfo() == null || declared.customsResultInfo().isBlank()
                ? "payment declaration failed at customs (" + declared.customsResultCode() + ")"
                : declared.customsResultInfo();
    }

    private static String cut(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 500);
    }
}
