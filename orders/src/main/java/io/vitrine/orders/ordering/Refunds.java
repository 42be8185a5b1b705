package io.vitrine.orders.ordering;

import io.vitrine.kernel.money.Money;
import io.vitrine.orders.payment.PaymentGateway;
import io.vitrine.orders.payment.RefundRequest;
import jakarta.inject.Singleton;

import java.time.Instant;

/**
 * Refunds an order's payment in full, once: the {@code out_request_no} is derived from the order number and the
 * reason ({@code <orderNo>-C} for a cancellation, {@code <orderNo>-L} for a late payment of a closed order), so
 * a retry — or a replayed notify — asks Alipay for the same refund, which refunds nothing more. Recorded on the
 * order (request number, amount and {@code refunded_at}, the day the reconciliation expects it on the bill) and
 * as a timeline note of the same moment.
 */
@Singleton
class Refunds {

    private final PaymentGateway gateway;
    private final Orders orders;
    private final OrderTransitions transitions;

    Refunds(PaymentGateway gateway, Orders orders, OrderTransitions transitions) {
        this.gateway = gateway;
        this.orders = orders;
        this.transitions = transitions;
    }

    /** In the caller's transaction, the order locked; the remote refund first, so a failure changes nothing. */
    Order refund(Order locked, Money amount, String suffix, String reason) {
        if (locked.refundRequestNo() != null) {
            return locked;
        }
        String requestNo = locked.orderNo() + "-" + suffix;
        gateway.refund(locked.tenant(), new RefundRequest(locked.orderNo(), requestNo, amount, reason));
        Instant at = transitions.now();
        Order refunded = orders.update(locked.refundedBy(requestNo, amount, at));
        transitions.note(refunded, "system", at, "refunded " + amount.toPlainString() + " (" + reason + ")");
        return refunded;
    }
}
