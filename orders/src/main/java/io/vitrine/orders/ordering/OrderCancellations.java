package io.vitrine.orders.ordering;

import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.catalog.stock.Reservations;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.orders.payment.PaymentGateway;
import io.vitrine.orders.quota.AnnualQuotas;
import jakarta.inject.Singleton;

/**
 * Ending an order before it ships: a shopper or the shop cancels it (CANCELLED; refunded in full if it was paid),
 * the payment window passes unpaid (CLOSED, the Alipay trade closed first), or its trade could not be opened
 * (CLOSED at once, the cart free for another try). Each gives back the stock still reserved and the annual quota.
 * All in the current tenant, the order's row locked; a paid order's units already left stock when it was paid and
 * are not put back here (a cancelled paid order's goods are still in the warehouse: staff count them back).
 */
@Singleton
public class OrderCancellations {

    private final Orders orders;
    private final OrderTransitions transitions;
    private final Reservations stock;
    private final AnnualQuotas quotas;
    private final PaymentGateway gateway;
    private final Refunds refunds;

    OrderCancellations(Orders orders, OrderTransitions transitions, Reservations stock, AnnualQuotas quotas,
                       PaymentGateway gateway, Refunds refunds) {
        this.orders = orders;
        this.transitions = transitions;
        this.stock = stock;
        this.quotas = quotas;
        this.gateway = gateway;
        this.refunds = refunds;
    }

    /**
     * Cancels the order (409 once it is declaring or later, or already ended). Unpaid: its Alipay trade is closed.
     * Paid: refunded in full ({@code <orderNo>-C}). Cancelling a cancelled order again answers it unchanged.
     */
    @Transactional
    public Order cancel(String orderNo, String actor, String reason) {
        Order order = locked(orderNo);
        if (order.status() == OrderStatus.CANCELLED) {
            return order;
        }
        order.status().requireCanBecome(OrderStatus.CANCELLED);
        if (order.status() == OrderStatus.PENDING_PAYMENT) {
            gateway.close(order.tenant(), orderNo);
        } else {
            order = refunds.refund(order, order.paidAmount(), "C", "cancelled");
        }
        return end(order, OrderStatus.CANCELLED, actor, reason);
    }

    /**
     * Closes an order still unpaid past its window (the close round): Alipay's trade closed first, so it can no
     * longer be paid; a payment that beat the close is then found by the notify (and refunded). Anything else —
     * paid, ended, or not due yet — is left as it is.
     */
    @Transactional
    public Order closeIfDue(String orderNo) {
        Order order = locked(orderNo);
        if (order.status() != OrderStatus.PENDING_PAYMENT || order.paymentExpiresAt().isAfter(transitions.now())) {
            return order;
        }
        gateway.close(order.tenant(), orderNo);
        return end(order, OrderStatus.CLOSED, "system", "not paid within the payment window");
    }

    /** The order's trade could not be opened: closed now, and its cart may be ordered again. */
    @Transactional
    Order abandon(String orderNo) {
        Order order = locked(orderNo);
        if (order.status() != OrderStatus.PENDING_PAYMENT) {
            return order;
        }
        orders.releaseCart(order.id());
        return end(order, OrderStatus.CLOSED, "system", "the Alipay trade could not be opened");
    }

    private Order end(Order order, OrderStatus outcome, String actor, String reason) {
        boolean wasPaid = order.status().isPaid();
        Order ended = transitions.move(order, outcome, actor, reason);
        if (!wasPaid) {
            stock.release(order.orderNo());
        }
        if (order.holdsQuota()) {
            quotas.release(order.orderNo());
        }
        return ended;
    }

    private Order locked(String orderNo) {
        return orders.lock(orderNo).orElseThrow(() -> new NotFoundException("No such order."));
    }
}
