package io.vitrine.orders.ordering;

import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.catalog.stock.Reservations;
import io.vitrine.kernel.error.ConflictException;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.orders.payment.PaymentGateway;
import io.vitrine.orders.quota.AnnualQuotas;
import jakarta.inject.Singleton;

import java.util.Locale;

/**
 * Ending an order before it ships: a shopper or the shop cancels it (CANCELLED; refunded in full if it was paid),
 * or the payment window passes unpaid (CLOSED, the Alipay trade closed first). Each gives back the annual quota and
 * the stock: an unpaid order's reservation is released; a paid order's units, which left on-hand stock when it was
 * paid, are put back once ({@code Reservations.returnToStock}, ledger movement RETURN, reason
 * {@code order <no> cancelled}) — a paid order is only cancelled before it is declared, so its goods never left the
 * warehouse. All in the current tenant, the order's row locked; stock before quota, the lock order of placing and
 * paying.
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
        if (!order.status().cancellableByTheShop() && order.status().canBecome(OrderStatus.CANCELLED)) {
            throw new ConflictException("An order " + order.status().name()
                    + " cannot become CANCELLED: its declaration is with customs.");
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
     * Cancels a declared order once customs let it go (called by customs through {@link Clearances#cancelled}): a
     * REJECTED order the shop gave up, or a DECLARING one whose inventory list customs cancelled (CEB624). Refunded
     * in full ({@code <orderNo>-C}, once), the units back on hand and the quota released. Anything else is left
     * as it is (false).
     */
    boolean cancelCleared(String orderNo, String actor, String reason) {
        Order order = locked(orderNo);
        if (order.status() != OrderStatus.DECLARING && order.status() != OrderStatus.REJECTED) {
            return false;
        }
        end(refunds.refund(order, order.paidAmount(), "C", "cancelled"), OrderStatus.CANCELLED, actor, reason);
        return true;
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

    private Order end(Order order, OrderStatus outcome, String actor, String reason) {
        boolean wasPaid = order.status().isPaid();
        Order ended = transitions.move(order, outcome, actor, reason);
        if (wasPaid) {
            stock.returnToStock(order.orderNo(), "order " + order.orderNo() + " " + outcome.name().toLowerCase(Locale.ROOT));
        } else {
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
