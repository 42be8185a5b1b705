package io.vitrine.orders.payment;

import io.vitrine.kernel.error.BusinessRuleException;

/** The tenant has not set up Alipay (its own app id and keys, or an app_auth_token for the platform's ISV app). */
public class AlipayNotConfiguredException extends BusinessRuleException {

    public AlipayNotConfiguredException(String message) {
        super("ALIPAY_NOT_CONFIGURED", message);
    }
}
