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

    static final String ACTOR = "customs";
    private static final Logger LOG = LoggerFactory.getLogger(Clearances.class);

    private final Orders orders;
    private final OrderTransitions transitions;

    Clearances(Orders orders, OrderTransitions transitions) {
        this.orders = orders;
        this.transitions = transitions;
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
