package io.vitrine.orders.logistics;

import io.vitrine.orders.ordering.OrderStatus;

import java.util.EnumSet;
import java.util.Set;

/** What a logistics partner reports about a parcel, and the order status each stands for. */
public enum ShipmentStatus {
    /** Picked up from the bonded warehouse: only after customs released the order. */
    SHIPPED(OrderStatus.RELEASED, OrderStatus.SHIPPED,
            EnumSet.of(OrderStatus.SHIPPED, OrderStatus.DELIVERED, OrderStatus.PARTIALLY_RETURNED,
                    OrderStatus.RETURNED)),
    /** Handed to the consignee: only after SHIPPED. */
    DELIVERED(OrderStatus.SHIPPED, OrderStatus.DELIVERED,
            EnumSet.of(OrderStatus.DELIVERED, OrderStatus.PARTIALLY_RETURNED, OrderStatus.RETURNED));

    private final OrderStatus from;
    private final OrderStatus to;
    private final Set<OrderStatus> reached;

    ShipmentStatus(OrderStatus from, OrderStatus to, Set<OrderStatus> reached) {
        this.from = from;
        this.to = to;
        this.reached = reached;
    }

    /** The only status an order may have for this report to move it. */
    public OrderStatus from() {
        return from;
    }

    public OrderStatus to() {
        return to;
    }

    /** The order is there already, or past it: the report is a replay and changes nothing. */
    public boolean reachedBy(OrderStatus status) {
        return reached.contains(status);
    }
}
