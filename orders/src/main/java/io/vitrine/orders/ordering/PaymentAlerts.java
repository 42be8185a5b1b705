package io.vitrine.orders.ordering;

import io.vitrine.tenants.alerts.AlertSeverity;
import io.vitrine.tenants.alerts.Alerts;
import io.vitrine.tenants.alerts.NewAlert;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * The alerts a payment raises for the shop's staff (tenants README "Alerts"), in the payment's transaction. One
 * alert per order and kind: Alipay's retried notify (and the lost-notify query) raise it once.
 */
@Singleton
class PaymentAlerts {

    static final String AMOUNT_MISMATCH = "PAYMENT_AMOUNT_MISMATCH";

    private final Alerts alerts;

    PaymentAlerts(Alerts alerts) {
        this.alerts = alerts;
    }

    /** Alipay says the trade was paid with another amount than the order's total: the order is not paid. */
    void amountMismatch(Order order, PaymentFacts payment) {
        alerts.raise(new NewAlert(AMOUNT_MISMATCH, AlertSeverity.CRITICAL, order.orderNo(),
                "Alipay reports a payment of " + payment.totalAmount().toPlainString() + " for order "
                        + order.orderNo() + " whose total is " + order.amounts().total().toPlainString()
                        + ": the order was not marked paid. Check the trade in Alipay and refund or settle it.",
                Map.of("orderTotalFen", Long.toString(order.amounts().total().fen()),
                        "paidFen", Long.toString(payment.totalAmount().fen()),
                        "tradeNo", payment.tradeNo(),
                        "storeCode", order.storeCode())));
    }
}
