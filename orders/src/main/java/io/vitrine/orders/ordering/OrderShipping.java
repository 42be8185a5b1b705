package io.vitrine.orders.ordering;

import jakarta.inject.Singleton;

import java.util.EnumSet;
import java.util.Set;

/**
 * What the logistics leg ({@code orders.logistics}) may do to an order: move a locked order to SHIPPED or DELIVERED
 * through {@link OrderTransitions} (the table still decides, 409 otherwise) and note a waybill on its timeline.
 * Nothing else: the other statuses belong to payment, customs and returns.
 */
@Singleton
public class OrderShipping {

    private static final Set<OrderStatus> LOGISTICS = EnumSet.of(OrderStatus.SHIPPED, OrderStatus.DELIVERED);

    private final OrderTransitions transitions;

    OrderShipping(OrderTransitions transitions) {
        this.transitions = transitions;
    }

    /** @param locked the order as read under its row lock ({@link Orders#lock}) */
    public Order move(Order locked, OrderStatus next, String actor, String reason) {
        if (!LOGISTICS.contains(next)) {
            throw new IllegalArgumentException("logistics moves an order only to SHIPPED or DELIVERED, not " + next);
        }
        return transitions.move(locked, next, actor, reason);
    }

    /** A timeline line that changes no status (a waybill assigned or replaced). */
    public void note(Order order, String actor, String reason) {
        transitions.note(order, actor, reason);
    }
}
