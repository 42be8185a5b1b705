package io.vitrine.orders.ordering;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.orders.compliance.CheckoutAmounts;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Ordering's door for returns ({@code orders.returns}): an order locked for a return request, with its release time
 * and lines. Locking the order's row makes concurrent requests for one order take turns, so together they never ask
 * back more than was bought; each return's news is a note on the order's timeline. When a return's goods are back,
 * {@link #returned} moves the order to PARTIALLY_RETURNED or RETURNED.
 */
@Singleton
public class OrderReturning {

    /** Released by customs, then maybe shipped, delivered or partly returned already: goods that can come back. */
    private static final Set<OrderStatus> RELEASED_OR_LATER = EnumSet.of(OrderStatus.RELEASED, OrderStatus.SHIPPED,
            OrderStatus.DELIVERED, OrderStatus.PARTIALLY_RETURNED, OrderStatus.RETURNED);

    private final Orders orders;
    private final OrderTransitions transitions;

    OrderReturning(Orders orders, OrderTransitions transitions) {
        this.orders = orders;
        this.transitions = transitions;
    }

    /** The order of the current tenant, its row locked until the caller's transaction ends; 404 when unknown. */
    public ReturnableOrder lock(String orderNo) {
        Order order = orders.lock(orderNo).orElseThrow(OrderReading::notFound);
        return new ReturnableOrder(order.id(), order.orderNo(), order.storeCode(), order.status(),
                releasedAt(order), orders.lines(order.id()));
    }

    /**
     * A line on the order's timeline about one of its returns (requested, approved, rejected), in the caller's
     * transaction; changes no status.
     */
    public void note(String orderNo, String actor, String text) {
        Order order = orders.find(orderNo).orElseThrow(OrderReading::notFound);
        transitions.note(order, actor, text.length() > 255 ? text.substring(0, 252) + "..." : text);
    }

    /** The order's amounts as charged (goods, freight, tax…), for a return's share of them; 404 when unknown. */
    public CheckoutAmounts amounts(String orderNo) {
        return orders.find(orderNo).orElseThrow(OrderReading::notFound).amounts();
    }

    /** Whether the order counts against its buyer's annual quota (cross-border orders do; duty-paid ones not). */
    public boolean holdsQuota(String orderNo) {
        return orders.find(orderNo).orElseThrow(OrderReading::notFound).holdsQuota();
    }

    /**
     * A return's goods are back: the order (locked by the caller's {@link #lock}) becomes RETURNED when nothing of it
     * is left with the buyer, else PARTIALLY_RETURNED (again, for a further partial return), with {@code reason} on
     * its timeline; 409 when its status does not allow it.
     */
    public OrderStatus returned(String orderNo, String actor, boolean everything, String reason) {
        Order order = orders.find(orderNo).orElseThrow(OrderReading::notFound);
        OrderStatus next = everything ? OrderStatus.RETURNED : OrderStatus.PARTIALLY_RETURNED;
        order.status().requireCanBecome(next);
        return transitions.move(order, next, actor, reason).status();
    }

    /** Whether customs released it (and nothing since took that back): RELEASED or any status after it. */
    public static boolean isReleased(OrderStatus status) {
        return RELEASED_OR_LATER.contains(status);
    }

    /** When the order became RELEASED (its timeline's transition, which {@link Clearances#released} wrote). */
    @Nullable
    private Instant releasedAt(Order order) {
        if (!isReleased(order.status())) {
            return null;
        }
        List<HistoryEntry> history = orders.history(order.id());
        return history.stream()
                .filter(entry -> entry.kind() == HistoryEntry.Kind.TRANSITION && entry.to() == OrderStatus.RELEASED)
                .map(HistoryEntry::at).findFirst()
                .orElseThrow(() -> new IllegalStateException("order " + order.orderNo() + " is " + order.status()
                        + " without a release on its timeline"));
    }
}
