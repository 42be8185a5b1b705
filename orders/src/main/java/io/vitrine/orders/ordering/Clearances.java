package io.vitrine.orders.ordering;

import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.error.NotFoundException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What customs clearance tells an order, in the current tenant (customs calls it; orders never imports customs):
 * the order leg was sent ({@link #declaring}), customs rejected it ({@link #rejected}, with customs' reason on the
 * timeline), the goods were released ({@link #released}). Each is idempotent and tolerant of late news: an order
 * already there, or one {@link OrderStatus} does not let move there (a rejection arriving after the release), is
 * left as it is and the answer says so.
 */
@Singleton
public class Clearances {

    /** The actor customs' news is recorded under on the timeline. */
    public static final String ACTOR_CUSTOMS = "customs";
    static final String ACTOR = ACTOR_CUSTOMS;
    private static final Logger LOG = LoggerFactory.getLogger(Clearances.class);

    private final Orders orders;
    private final OrderTransitions transitions;
    private final OrderCancellations cancellations;

    Clearances(Orders orders, OrderTransitions transitions, OrderCancellations cancellations) {
        this.orders = orders;
        this.transitions = transitions;
        this.cancellations = cancellations;
    }

    /**
     * Customs let the order go — the shop cancelled it after a rejection, or customs cancelled its inventory list
     * (CEB624): DECLARING or REJECTED → CANCELLED, refunded once, units back on hand, the annual quota released.
     * Any other status (already cancelled, released) is left as it is and answers false.
     */
    @Transactional
    public boolean cancelled(String orderNo, String actor, String reason) {
        return cancellations.cancelCleared(orderNo, actor, reason.length() > 255 ? reason.substring(0, 255) : reason);
    }

    /** A line on the order's timeline that changes no status (a cancellation asked of customs, refused by it). */
    @Transactional
    public void noted(String orderNo, String actor, String text) {
        Order order = orders.find(orderNo).orElseThrow(() -> new NotFoundException("No such order."));
        transitions.note(order, actor, text.length() > 255 ? text.substring(0, 255) : text);
    }

    /** The order leg (CEB311) went to customs: PAID, ON_HOLD or REJECTED → DECLARING. */
    @Transactional
    public boolean declaring(String orderNo) {
        return move(orderNo, OrderStatus.DECLARING, "declared to customs");
    }

    /** Customs rejected the declaration (returnStatus 100 or a failed check): DECLARING → REJECTED. */
    @Transactional
    public boolean rejected(String orderNo, String reason) {
        return move(orderNo, OrderStatus.REJECTED, reason == null || reason.isBlank() ? "rejected by customs" : reason);
    }

    /** Customs released the goods (inventory list receipt 800): DECLARING → RELEASED. */
    @Transactional
    public boolean released(String orderNo) {
        return move(orderNo, OrderStatus.RELEASED, "released by customs");
    }

    private boolean move(String orderNo, OrderStatus next, String reason) {
        Order order = orders.lock(orderNo).orElseThrow(() -> new NotFoundException("No such order."));
        if (order.status() == next || !order.status().canBecome(next)) {
            if (order.status() != next) {
                LOG.info("orders: {} is {}, customs' news {} changes nothing", orderNo, order.status(), next);
            }
            return false;
        }
        transitions.move(order, next, ACTOR, reason.length() > 500 ? reason.substring(0, 500) : reason);
        return true;
    }
}
