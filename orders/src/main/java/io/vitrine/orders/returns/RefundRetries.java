package io.vitrine.orders.returns;

import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.error.ConflictException;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.kernel.outbox.Outbox;
import io.vitrine.kernel.tenancy.CurrentTenant;
import io.vitrine.orders.ordering.OrderReturning;
import io.vitrine.tenants.access.Actor;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * A merchant admin's "retry refund" on a REFUND_FAILED return (the console's return page), once its cause is fixed:
 * in one transaction, the return's row locked, REFUND_FAILED → GOODS_RECEIVED, the refund's failure cleared and
 * {@link ReturnReceived} in the outbox again, so {@link ReturnRefunding} asks Alipay for the same refund under the
 * same out_request_no (the return number): whatever happened before, it is never paid twice. Any other status 409.
 */
@Singleton
public class RefundRetries {

    private final ReturnRequests returns;
    private final ReturnRefunds refunds;
    private final OrderReturning orders;
    private final Outbox outbox;
    private final CurrentTenant currentTenant;
    private final Clock clock;

    RefundRetries(ReturnRequests returns, ReturnRefunds refunds, OrderReturning orders, Outbox outbox,
                  CurrentTenant currentTenant, Clock clock) {
        this.returns = returns;
        this.refunds = refunds;
        this.orders = orders;
        this.outbox = outbox;
        this.currentTenant = currentTenant;
        this.clock = clock;
    }

    /** Re-queues the failed refund of {@code returnNo}, asked for by {@code by} (a RETAILER_ADMIN). */
    @Transactional
    public ReturnRequest retry(Actor by, String returnNo) {
        ReturnRequest locked = returns.lock(returnNo).orElseThrow(() -> new NotFoundException(StaffReturns.NOT_FOUND));
        if (locked.status() != ReturnStatus.REFUND_FAILED) {
            throw new ConflictException("Return " + returnNo + " is " + locked.status().name()
                    + ": only a REFUND_FAILED return's refund is retried by hand.");
        }
        ReturnRefund refund = refunds.find(returnNo).orElseThrow(() -> new IllegalStateException(
                "return " + returnNo + " is REFUND_FAILED without its refund row"));
        refunds.requeued(returnNo, by.id());
        ReturnRequest requeued = returns.update(locked.movedTo(ReturnStatus.GOODS_RECEIVED,
                clock.instant().truncatedTo(ChronoUnit.MICROS)));
        outbox.publish(ReturnReceived.of(currentTenant.require(), refund));
        orders.note(requeued.orderNo(), by.id(), "return " + returnNo + " refund retried");
        return requeued;
    }
}
