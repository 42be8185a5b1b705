package io.vitrine.orders.ordering;

import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.kernel.outbox.Outbox;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clearance stopped an order for good ({@link ClearanceRefusal}, e.g. the payer is not the buyer): customs calls
 * this, in the current tenant, to end it the way a paid order ends — cancelled, refunded in full once
 * ({@code <orderNo>-C}), the buyer's annual quota released and the units back on hand — with the refusal's sentence
 * on the timeline. An order already DECLARING is first REJECTED with that sentence ({@link OrderStatus} lets only a
 * rejected declaration be cancelled); the cancel itself is {@link OrderCancellations}', the shop's own path.
 * Idempotent: an order already cancelled is left as it is; an order past clearance (released, shipped…) or ended
 * otherwise is not touched either (logged). A cancellation made now publishes {@link OrderRefusedAtClearance}.
 */
@Singleton
public class ClearanceCancellations {

    private static final Logger LOG = LoggerFactory.getLogger(ClearanceCancellations.class);

    private final Orders orders;
    private final OrderTransitions transitions;
    private final OrderCancellations cancellations;
    private final Outbox outbox;

    ClearanceCancellations(Orders orders, OrderTransitions transitions, OrderCancellations cancellations,
                           Outbox outbox) {
        this.orders = orders;
        this.transitions = transitions;
        this.cancellations = cancellations;
        this.outbox = outbox;
    }

    /**
     * @return whether the order was cancelled now (false when it was already, or can no longer be)
     * @throws io.vitrine.orders.payment.PaymentGatewayUnavailableException when the refund could not be made: nothing
     *                                                                    changed, call again
     */
    @Transactional
    public boolean cancel(String orderNo, ClearanceRefusal refusal) {
        Order order = orders.lock(orderNo).orElseThrow(() -> new NotFoundException("No such order."));
        if (order.status() == OrderStatus.CANCELLED) {
            return false;
        }
        String reason = refusal.message();
        if (order.status() == OrderStatus.DECLARING) {
            order = transitions.move(order, OrderStatus.REJECTED, Clearances.ACTOR, reason);
        }
        if (!order.status().canBecome(OrderStatus.CANCELLED)) {
            LOG.warn("orders: {} is {}, clearance refusal {} cannot cancel it", orderNo, order.status(), refusal);
            return false;
        }
        cancellations.cancel(orderNo, Clearances.ACTOR, reason);
        outbox.publish(new OrderRefusedAtClearance(order.tenant(), orderNo, refusal));
        return true;
    }
}
