package io.vitrine.orders.ordering;

import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.error.NotFoundException;
import jakarta.inject.Singleton;

/**
 * A risk review stops a paid order before it is declared (issue #9 "Risk control"; oversight calls this, in the
 * order's tenant): PAID → ON_HOLD, with the reason on the timeline under {@value #ACTOR}. Idempotent: an order
 * already on hold, or one past PAID (declaring, cancelled…), is left as it is and the answer says so. Leaving the
 * hold is the ordinary way on: declared ({@link Clearances#declaring}) or cancelled ({@link OrderCancellations}).
 */
@Singleton
public class RiskHolds {

    /** The actor a hold is recorded under on the timeline. */
    public static final String ACTOR = "risk-control";

    private final Orders orders;
    private final OrderTransitions transitions;

    RiskHolds(Orders orders, OrderTransitions transitions) {
        this.orders = orders;
        this.transitions = transitions;
    }

    /** @return whether the order went on hold now */
    @Transactional
    public boolean hold(String orderNo, String reason) {
        Order order = orders.lock(orderNo).orElseThrow(() -> new NotFoundException("No such order."));
        if (order.status() != OrderStatus.PAID) {
            return false;
        }
        transitions.move(order, OrderStatus.ON_HOLD, ACTOR, reason.length() > 500 ? reason.substring(0, 500) : reason);
        return true;
    }
}
