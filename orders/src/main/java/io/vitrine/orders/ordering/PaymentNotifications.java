package io.vitrine.orders.ordering;

import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.kernel.tenancy.BusinessKeyKind;
import io.vitrine.kernel.tenancy.BusinessKeys;
import io.vitrine.kernel.tenancy.TenantContext;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.orders.payment.NotifyRejectedException;
import io.vitrine.orders.payment.PaymentNotifies;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * Alipay's asynchronous notify (domain.md "Alipay"), which carries no tenant: the tenant is the one its
 * {@code out_trade_no} (our order number) was issued to ({@link BusinessKeys}, {@code ORDER_NO}); the notify is
 * verified with that tenant's Alipay public key and app id ({@link PaymentNotifies}), then applied as that tenant
 * ({@link OrderPayments#pay}). An unknown order number is {@link NotFoundException} before any verification (the
 * answer says nothing about other tenants); a forged notify {@link NotifyRejectedException}: nothing changes.
 */
@Singleton
public class PaymentNotifications {

    private final BusinessKeys businessKeys;
    private final PaymentNotifies notifies;
    private final OrderPayments payments;

    PaymentNotifications(BusinessKeys businessKeys, PaymentNotifies notifies, OrderPayments payments) {
        this.businessKeys = businessKeys;
        this.notifies = notifies;
        this.payments = payments;
    }

    public PaymentOutcome receive(Map<String, String> form) {
        String orderNo = form.get("out_trade_no");
        TenantId tenant = (orderNo == null ? java.util.Optional.<TenantId>empty()
                : businessKeys.tenantOf(BusinessKeyKind.ORDER_NO, orderNo))
                .orElseThrow(() -> new NotFoundException("No such order."));
        return TenantContext.callAs(tenant, () -> payments.pay(PaymentFacts.of(notifies.verify(tenant, form))));
    }
}
