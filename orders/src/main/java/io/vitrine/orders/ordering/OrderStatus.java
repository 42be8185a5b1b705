package io.vitrine.orders.ordering;

import io.vitrine.kernel.error.ConflictException;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * An order's statuses (api.md "Orders, payments, customs, returns") and, in {@link #ALLOWED}, every transition
 * between them: the one place that says what may follow what. Anything else is a 409.
 */
public enum OrderStatus {
    PENDING_PAYMENT,
    PAID,
    /** Risk review. */
    ON_HOLD,
    DECLARING,
    /** Customs rejected the declaration. */
    REJECTED,
    RELEASED,
    SHIPPED,
    DELIVERED,
    PARTIALLY_RETURNED,
    RETURNED,
    /** Cancelled by the shopper or the shop; refunded if it was paid. */
    CANCELLED,
    /** Never paid within the payment window. */
    CLOSED;

    private static final Map<OrderStatus, Set<OrderStatus>> ALLOWED = new EnumMap<>(OrderStatus.class);

    static {
        ALLOWED.put(PENDING_PAYMENT, EnumSet.of(PAID, CLOSED, CANCELLED));
        ALLOWED.put(PAID, EnumSet.of(ON_HOLD, DECLARING, CANCELLED));
        ALLOWED.put(ON_HOLD, EnumSet.of(DECLARING, CANCELLED));
        // DECLARING → CANCELLED only once customs confirmed the inventory list's cancellation (CEB624), never by the shop
        ALLOWED.put(DECLARING, EnumSet.of(RELEASED, REJECTED, CANCELLED));
        ALLOWED.put(REJECTED, EnumSet.of(DECLARING, CANCELLED));
        // goods may come back to the bonded site before the parcel was delivered (or even shipped): returns (#7)
        ALLOWED.put(RELEASED, EnumSet.of(SHIPPED, PARTIALLY_RETURNED, RETURNED));
        ALLOWED.put(SHIPPED, EnumSet.of(DELIVERED, PARTIALLY_RETURNED, RETURNED));
        ALLOWED.put(DELIVERED, EnumSet.of(PARTIALLY_RETURNED, RETURNED));
        ALLOWED.put(PARTIALLY_RETURNED, EnumSet.of(PARTIALLY_RETURNED, RETURNED));
        ALLOWED.put(RETURNED, EnumSet.noneOf(OrderStatus.class));
        ALLOWED.put(CANCELLED, EnumSet.noneOf(OrderStatus.class));
        ALLOWED.put(CLOSED, EnumSet.noneOf(OrderStatus.class));
    }

    public boolean canBecome(OrderStatus next) {
        return ALLOWED.get(this).contains(next);
    }

    /** @throws ConflictException (409) when the table does not allow it */
    public void requireCanBecome(OrderStatus next) {
        if (!canBecome(next)) {
            throw new ConflictException("An order " + name() + " cannot become " + next.name() + ".");
        }
    }

    /**
     * Whether the shop (or the shopper) may cancel it on orders' own: not while a declaration is with customs
     * (DECLARING → CANCELLED is customs' confirmed cancellation only); a cancelled order answers itself again.
     */
    public boolean cancellableByTheShop() {
        return this != DECLARING && canBecome(CANCELLED);
    }

    /** Closed or cancelled: a payment arriving now is refunded. */
    public boolean isAbandoned() {
        return this == CLOSED || this == CANCELLED;
    }

    /** Paid at some point and not abandoned unpaid. */
    public boolean isPaid() {
        return this != PENDING_PAYMENT && this != CLOSED && this != CANCELLED;
    }
}
