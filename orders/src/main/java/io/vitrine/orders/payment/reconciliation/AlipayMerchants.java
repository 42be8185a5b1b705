package io.vitrine.orders.payment.reconciliation;

import io.vitrine.kernel.tenancy.TenantId;

import java.util.List;

/** The tenants that take Alipay payments with their own app or through the platform as ISV. */
public interface AlipayMerchants {

    List<TenantId> withAlipay();
}
