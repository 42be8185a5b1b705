package io.vitrine.orders.ordering;

import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.catalog.stock.Reservations;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.kernel.outbox.Outbox;
import io.vitrine.orders.quota.AnnualQuotas;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies what Alipay says about an order's trade (a verified notify; later the query reconciliation), in the
 * current tenant, the order's row locked so concurrent and replayed notifies take turns:
 * <ul>
 *   <li>not paid (WAIT_BUYER_PAY, TRADE_CLOSED) → nothing;</li>
 *   <li>an amount other than the order's total → nothing but a timeline note and a {@code PAYMENT_AMOUNT_MISMATCH}
 *       alert (once per order: {@link PaymentAlerts}) — never paid;</li>
 *   <li>PENDING_PAYMENT → PAID: stock committed, annual quota consumed, {@link OrderPaid} in the outbox, in this
 *       one transaction;</li>
 *   <li>already paid → nothing (a replay); closed or cancelled → refunded in full, once ({@code <orderNo>-L}).</li>
 * </ul>
 */
@Singleton
public class OrderPayments {

    private static final Logger LOG = LoggerFactory.getLogger(OrderPayments.class);

    private final Orders orders;
    private final OrderTransitions transitions;
    private final Reservations stock;
    private final AnnualQuotas quotas;
    private final Outbox outbox;
    private final Refunds refunds;
    private final PaymentAlerts alerts;

    OrderPayments(Orders orders, OrderTransitions transitions, Reservations stock, AnnualQuotas quotas, Outbox outbox,
                  Refunds refunds, PaymentAlerts alerts) {
        this.orders = orders;
        this.transitions = transitions;
        this.stock = stock;
        this.quotas = quotas;
        this.outbox = outbox;
        this.refunds = refunds;
        this.alerts = alerts;
    }

    @Transactional
    public PaymentOutcome pay(PaymentFacts payment) {
        Order order = orders.lock(payment.outTradeNo()).orElseThrow(() -> new NotFoundException("No such order."));
        if (!payment.status().isPaid()) {
            return PaymentOutcome.NOT_PAID;
        }
        if (!payment.totalAmount().equals(order.amounts().total())) {
            LOG.warn("ALERT payment amount mismatch: order {} total {} but Alipay trade {} paid {}; not marked paid",
                    order.orderNo(), order.amounts().total().toPlainString(), payment.tradeNo(),
                    payment.totalAmount().toPlainString());
            transitions.note(order, "alipay", "payment of " + payment.totalAmount().toPlainString()
                    + " does not match the total: not marked paid");
            alerts.amountMismatch(order, payment);
            return PaymentOutcome.AMOUNT_MISMATCH;
        }
        if (order.status().isAbandoned()) {
            if (order.refundRequestNo() != null) {
                return PaymentOutcome.REFUNDED;
            }
            Order recorded = orders.update(order.paid(paidAt(payment), payment.totalAmount(), payment.tradeNo()));
            refunds.refund(recorded, payment.totalAmount(), "L", "paid after the order was "
                    + order.status().name().toLowerCase(java.util.Locale.ROOT));
            return PaymentOutcome.REFUNDED;
        }
        if (order.status() != OrderStatus.PENDING_PAYMENT) {
            return PaymentOutcome.ALREADY_PAID;
        }
        stock.commit(order.orderNo());
        if (order.holdsQuota()) {
            quotas.consume(order.orderNo());
        }
        // the payment and the status in one write
        Order paid = transitions.move(order.paid(paidAt(payment), payment.totalAmount(), payment.tradeNo()),
                OrderStatus.PAID, "alipay", "trade " + payment.tradeNo());
        outbox.publish(new OrderPaid(paid.tenant(), paid.orderNo(), paid.amounts().goodsValue().fen(),
                paid.amounts().freight().fen(), paid.amounts().insurance().fen(), paid.amounts().discount().fen(),
                paid.amounts().tax().fen(), paid.amounts().total().fen(), paid.paidAt(), paid.tradeNo()));
        return PaymentOutcome.PAID;
    }

    private java.time.Instant paidAt(PaymentFacts payment) {
        return payment.paidAt() == null ? transitions.now()
                : payment.paidAt().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }
}
