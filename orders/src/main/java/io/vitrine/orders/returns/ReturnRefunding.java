package io.vitrine.orders.returns;

import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.kernel.outbox.DeliveredEvent;
import io.vitrine.kernel.outbox.OutboxListener;
import io.vitrine.kernel.outbox.OutboxRetries;
import io.vitrine.kernel.tenancy.CurrentTenant;
import io.vitrine.orders.ordering.OrderReturning;
import io.vitrine.orders.payment.PaymentGateway;
import io.vitrine.orders.payment.RefundRequest;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;

/**
 * Pays a received return back ({@link ReturnReceived}, outbox listener {@value #NAME}, retried until delivered): the
 * Alipay refund of the recorded amount with {@code out_request_no} = the return number, so a retry — after a timeout,
 * a lost answer, a crash before the commit — asks for the same refund, which Alipay pays once. Confirmed: the return
 * GOODS_RECEIVED → REFUNDED and a note on the order's timeline. Failed: {@link RefundAlerts} raises the alert (in its
 * own transaction); a failure worth retrying ({@link RefundFailures}) goes back to the outbox, which tries again with
 * its backoff; a refusal retrying cannot fix makes the return REFUND_FAILED with Alipay's reason, and the delivery is
 * done — a merchant admin re-queues it ({@link RefundRetries}). A return in any other status is left as it is.
 */
@Singleton
public class ReturnRefunding implements OutboxListener {

    static final String NAME = "orders.return-refund";

    private final ReturnRequests returns;
    private final ReturnRefunds refunds;
    private final PaymentGateway gateway;
    private final RefundAlerts alerts;
    private final OrderReturning orders;
    private final CurrentTenant currentTenant;
    private final Clock clock;

    ReturnRefunding(ReturnRequests returns, ReturnRefunds refunds, PaymentGateway gateway, RefundAlerts alerts,
                    OrderReturning orders, CurrentTenant currentTenant, Clock clock) {
        this.returns = returns;
        this.refunds = refunds;
        this.gateway = gateway;
        this.alerts = alerts;
        this.orders = orders;
        this.currentTenant = currentTenant;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(ReturnReceived.TYPE);
    }

    @Override
    public OutboxRetries retries() {
        return OutboxRetries.UNTIL_DELIVERED;
    }

    @Override
    public void on(DeliveredEvent event) {
        refund(event.payloadAs(ReturnReceived.class).returnNo());
    }

    /**
     * Refunds the received return in the current tenant, once; answers it as it is afterwards.
     *
     * @throws RuntimeException the gateway's failure worth retrying, after the alert: nothing changed here (a refusal
     *                          retrying cannot fix answers the return REFUND_FAILED instead)
     */
    @Transactional
    public ReturnRequest refund(String returnNo) {
        ReturnRequest locked = returns.lock(returnNo).orElseThrow(() -> new NotFoundException(StaffReturns.NOT_FOUND));
        if (locked.status() != ReturnStatus.GOODS_RECEIVED) {
            return locked;
        }
        ReturnRefund refund = refunds.find(returnNo).orElseThrow(() -> new IllegalStateException(
                "return " + returnNo + " is GOODS_RECEIVED without its refund row"));
        try {
            if (refund.amount().isPositive()) {
                gateway.refund(currentTenant.require(), new RefundRequest(refund.orderNo(), returnNo, refund.amount(),
                        "return " + returnNo));
            }
        } catch (RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            Optional<String> permanent = RefundFailures.permanent(e);
            alerts.failed(refund, why, permanent.isPresent());
            if (permanent.isEmpty()) {
                throw e;
            }
            return failed(locked, new RefundFailure(permanent.get(), why, now()));
        }
        Instant now = now();
        refunds.refunded(returnNo, now);
        ReturnRequest refunded = returns.update(locked.movedTo(ReturnStatus.REFUNDED, now));
        orders.note(refunded.orderNo(), "system", "return " + returnNo + " refunded "
                + refund.amount().toPlainString());
        return refunded;
    }

    /** GOODS_RECEIVED → REFUND_FAILED: Alipay's code and message on the refund, its code on the order's timeline. */
    private ReturnRequest failed(ReturnRequest locked, RefundFailure failure) {
        refunds.failed(locked.returnNo(), failure);
        ReturnRequest failed = returns.update(locked.movedTo(ReturnStatus.REFUND_FAILED, failure.at()));
        orders.note(failed.orderNo(), "system", "return " + failed.returnNo() + " refund failed: " + failure.code());
        return failed;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
