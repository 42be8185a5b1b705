package io.vitrine.orders.payment;

import io.vitrine.kernel.error.BusinessRuleException;

import java.util.Locale;

/**
 * The provider refused the call for a business reason (trade already paid, refund above what was paid…);
 * retrying changes nothing. The stable code is {@code ALIPAY_} and the provider's sub_code, e.g.
 * {@code ALIPAY_ACQ_TRADE_HAS_SUCCESS}.
 */
public class PaymentRefusedException extends BusinessRuleException {

    private final String providerCode;

    public PaymentRefusedException(String providerCode, String message) {
        super("ALIPAY_" + providerCode.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_").replaceAll("^_|_$", ""),
                message);
        this.providerCode = providerCode;
    }

    /** The provider's own sub_code, e.g. {@code ACQ.TRADE_HAS_SUCCESS}. */
    public String providerCode() {
        return providerCode;
    }
}
