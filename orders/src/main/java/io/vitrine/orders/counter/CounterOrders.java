package io.vitrine.orders.counter;

import io.vitrine.kernel.tenancy.CurrentTenant;
import io.vitrine.orders.ordering.LostNotifyRecovery;
import io.vitrine.orders.ordering.OrderDetails;
import io.vitrine.orders.ordering.OrderStatus;
import io.vitrine.orders.ordering.PayMethod;
import io.vitrine.orders.payment.PaymentGatewayUnavailableException;
import io.vitrine.orders.returns.ReturnRequest;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * An order of the current tenant as a POS serves it at the counter — pick-up and after-sales questions — whatever
 * store it was placed at (a chain's shopper may come back to any of its stores): the order with its masked buyer,
 * lines and timeline, and its returns. Another tenant's order is the same 404 as none.
 *
 * <p>A BARCODE order still waiting for its payment is the one a POS polls while the shopper confirms in their app
 * (Alipay's advice: query every few seconds): each read asks Alipay first ({@link LostNotifyRecovery#settle}, the
 * query path that records a paid trade exactly as its notify would). If Alipay cannot be reached the order is read as
 * it stands.
 */
@Singleton
public class CounterOrders {

    private static final Logger LOG = LoggerFactory.getLogger(CounterOrders.class);

    private final CounterOrderReading reading;
    private final LostNotifyRecovery recovery;
    private final CurrentTenant currentTenant;

    CounterOrders(CounterOrderReading reading, LostNotifyRecovery recovery, CurrentTenant currentTenant) {
        this.reading = reading;
        this.recovery = recovery;
        this.currentTenant = currentTenant;
    }

    /** The order and its returns, oldest first. */
    public record CounterOrder(OrderDetails details, List<ReturnRequest> returns) {
    }

    public CounterOrder find(String orderNo) {
        CounterOrder found = reading.read(orderNo);
        if (awaitsCounterPayment(found.details())) {
            try {
                recovery.settle(currentTenant.require(), orderNo);
                return reading.read(orderNo);
            } catch (PaymentGatewayUnavailableException e) {
                LOG.info("orders: could not ask Alipay about counter order {} now: {}", orderNo, e.getMessage());
            }
        }
        return found;
    }

    private static boolean awaitsCounterPayment(OrderDetails details) {
        return details.order().payMethod() == PayMethod.ALIPAY_BARCODE
                && details.order().status() == OrderStatus.PENDING_PAYMENT;
    }
}
