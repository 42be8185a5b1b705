package io.vitrine.orders.payment;

import io.vitrine.kernel.tenancy.TenantId;

import java.util.Map;

/**
 * Checks an asynchronous payment notify before anything acts on it. The caller finds the tenant from the
 * notify's out_trade_no (kernel {@code BusinessKeys}, kind ORDER_NO) and must still compare the order
 * number and amount with its order.
 */
public interface PaymentNotifies {

    /**
     * The notify's facts when its RSA2 signature verifies with the tenant's Alipay public key and it was
     * sent for the tenant's app.
     *
     * @param form every form parameter of the POST, as received
     * @throws NotifyRejectedException when it is unsigned, forged, for another app, or incomplete
     */
    VerifiedNotify verify(TenantId tenant, Map<String, String> form);
}
