package io.vitrine.orders.payment.reconciliation;

import io.vitrine.kernel.tenancy.TenantId;

import java.time.LocalDate;
import java.util.List;

/**
 * Our side of the reconciliation, implemented by whoever keeps the orders and refunds (the orders table). Without
 * an implementation there is nothing to reconcile against and the reconciliation beans stay off.
 */
public interface ExpectedPayments {

    /**
     * The tenant's payments and refunds completed on {@code day} (China time, the day of the bill), plus those we
     * know of but hold as not completed that Alipay may have completed that day (an order closed unpaid, a refund
     * still pending), each with out_trade_no, Alipay's trade_no when we have it, out_request_no for refunds and the
     * amount.
     */
    List<ExpectedPayment> on(TenantId tenant, LocalDate day);
}
