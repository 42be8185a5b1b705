package io.vitrine.orders.counter;

import io.vitrine.kernel.error.ConflictException;
import io.vitrine.kernel.error.FieldChecks;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.kernel.tenancy.CurrentTenant;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.orders.ordering.LostNotifyRecovery;
import io.vitrine.orders.ordering.Order;
import io.vitrine.orders.ordering.OrderPayments;
import io.vitrine.orders.ordering.OrderStatus;
import io.vitrine.orders.ordering.Orders;
import io.vitrine.orders.ordering.PayMethod;
import io.vitrine.orders.ordering.PaymentFacts;
import io.vitrine.orders.payment.PaymentGateway;
import io.vitrine.orders.payment.PaymentRefusedException;
import io.vitrine.orders.payment.Trade;
import io.vitrine.orders.payment.TradeRequest;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Charges the payment code a shopper shows at the counter for a BARCODE order of the POS's store
 * ({@link PaymentGateway#pay}, {@code alipay.trade.pay}, the order number as out_trade_no), outside any transaction:
 * <ul>
 *   <li>paid (10000) → recorded through {@link OrderPayments#pay}, the notify's own path: the notify Alipay sends as
 *       well finds the order paid and changes nothing;</li>
 *   <li>the shopper must confirm in their app (10003) → {@link Status#PAYING}: their confirmation arrives as the
 *       notify, or the POS reading the order asks Alipay ({@link CounterOrders}); unconfirmed, the order closes with
 *       its payment window like any unpaid order (the close round queries once more, then closes the trade);</li>
 *   <li>refused (e.g. ACQ.BUYER_BALANCE_NOT_ENOUGH) → {@link PaymentRefusedException} (422 {@code ALIPAY_…}): the
 *       order stays unpaid, another code may be scanned; Alipay unreachable → 503, the outcome unknown: sending
 *       the same code again is safe (a trade already paid answers ACQ.TRADE_HAS_SUCCESS, and the paid trade is
 *       then read back and recorded).</li>
 * </ul>
 * An order already paid answers {@link Status#PAID} without calling Alipay.
 */
@Singleton
public class BarcodePayments {

    /** Alipay's payment code: 16 to 24 digits starting 25 to 30. */
    static final Pattern AUTH_CODE = Pattern.compile("(2[5-9]|30)\\d{14,22}");
    private static final String ALREADY_PAID = "ACQ.TRADE_HAS_SUCCESS";

    private final Orders orders;
    private final PaymentGateway gateway;
    private final OrderPayments payments;
    private final LostNotifyRecovery recovery;
    private final CurrentTenant currentTenant;
    private final Clock clock;

    BarcodePayments(Orders orders, PaymentGateway gateway, OrderPayments payments, LostNotifyRecovery recovery,
                    CurrentTenant currentTenant, Clock clock) {
        this.orders = orders;
        this.gateway = gateway;
        this.payments = payments;
        this.recovery = recovery;
        this.currentTenant = currentTenant;
        this.clock = clock;
    }

    /** Where the payment stands after the charge. */
    public enum Status {
        PAID,
        /** Alipay waits for the shopper to confirm in their app. */
        PAYING
    }

    /** @param tradeNo Alipay's trade number, when a trade exists */
    public record Charge(Order order, Status status, String tradeNo) {
    }

    /**
     * @throws io.vitrine.kernel.error.InvalidInputException {@code authCode} REQUIRED or PAYMENT_CODE
     * @throws NotFoundException no such order of the store (another store's or tenant's included)
     * @throws ConflictException NOT_A_BARCODE_ORDER, or ORDER_NOT_PAYABLE (closed or cancelled unpaid)
     */
    public Charge charge(String storeCode, String orderNo, String authCode) {
        FieldChecks checks = new FieldChecks();
        String code = checks.matching("authCode", authCode, AUTH_CODE, "PAYMENT_CODE",
                "the shopper's Alipay payment code: 16 to 24 digits starting 25 to 30");
        checks.throwIfAny();
        Order order = storeOrder(storeCode, orderNo);
        if (order.payMethod() != PayMethod.ALIPAY_BARCODE) {
            throw new ConflictException("NOT_A_BARCODE_ORDER", "The order is paid by " + order.payMethod().name()
                    + ": it has its own trade.");
        }
        if (order.paidAt() != null) {
            return new Charge(order, Status.PAID, order.tradeNo());
        }
        if (order.status() != OrderStatus.PENDING_PAYMENT) {
            throw new ConflictException("ORDER_NOT_PAYABLE", "The order is " + order.status().name()
                    + ": it can no longer be paid.");
        }
        TenantId tenant = currentTenant.require();
        Trade trade;
        try {
            trade = gateway.pay(tenant, TradeRequest.ofOrder(orderNo, order.amounts().total(),
                    Duration.between(clock.instant(), order.paymentExpiresAt())), code);
        } catch (PaymentRefusedException refused) {
            if (!ALREADY_PAID.equals(refused.providerCode())) {
                throw refused;
            }
            // an earlier charge paid it, its answer lost on the way: the paid trade is recorded as a query finds it
            recovery.settle(tenant, orderNo);
            Order settled = storeOrder(storeCode, orderNo);
            return new Charge(settled, settled.paidAt() == null ? Status.PAYING : Status.PAID, settled.tradeNo());
        }
        if (trade.status().isPaid()) {
            payments.pay(new PaymentFacts(orderNo, trade.tradeNo(), trade.totalAmount(), trade.status(),
                    trade.paidAt()));
        }
        Order after = storeOrder(storeCode, orderNo);
        return new Charge(after, after.paidAt() == null ? Status.PAYING : Status.PAID, trade.tradeNo());
    }

    private Order storeOrder(String storeCode, String orderNo) {
        return orders.find(orderNo).filter(order -> order.storeCode().equals(storeCode))
                .orElseThrow(() -> new NotFoundException("No such order at this store."));
    }
}
