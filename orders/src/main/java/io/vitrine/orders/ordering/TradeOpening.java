package io.vitrine.orders.ordering;

import io.vitrine.orders.payment.PaymentGateway;
import io.vitrine.orders.payment.TradeRequest;
import jakarta.inject.Singleton;

import java.net.URI;
import java.time.Duration;

/**
 * Opens a placed order's Alipay trade, after the order committed: a QR code for the kiosk ({@code precreate}) or
 * the wap page's redirect URL, payable until the order's payment window ends (Alipay's own timeout, rounded up to
 * the minute). Opening fails → the order is closed at once ({@link OrderCancellations#abandon}) and the failure
 * rethrown: no order waits for a payment nobody can make.
 */
@Singleton
class TradeOpening {

    private final PaymentGateway gateway;
    private final Orders orders;
    private final OrderCancellations cancellations;
    private final OrderTransitions transitions;

    TradeOpening(PaymentGateway gateway, Orders orders, OrderCancellations cancellations,
                 OrderTransitions transitions) {
        this.gateway = gateway;
        this.orders = orders;
        this.cancellations = cancellations;
        this.transitions = transitions;
    }

    Order open(Order order, URI returnUrl) {
        Duration left = Duration.between(transitions.now(), order.paymentExpiresAt());
        TradeRequest trade = new TradeRequest(order.orderNo(), order.amounts().total(), "订单 " + order.orderNo(),
                Duration.ofMinutes(Math.max(1, (left.toSeconds() + 59) / 60)));
        String link;
        try {
            link = switch (order.payMethod()) {
                case ALIPAY_QR -> gateway.precreate(order.tenant(), trade).content();
                case ALIPAY_WAP -> gateway.wapPay(order.tenant(), trade, returnUrl).redirectUrl().toString();
            };
        } catch (RuntimeException e) {
            cancellations.abandon(order.orderNo());
            throw e;
        }
        orders.savePaymentLink(order.id(), link);
        return order.withPaymentLink(link);
    }
}
