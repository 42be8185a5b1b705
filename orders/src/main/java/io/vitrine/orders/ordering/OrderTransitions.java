package io.vitrine.orders.ordering;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Moves a locked order to its next status, the only code that writes a status: checks {@link OrderStatus}'s table
 * (409 otherwise), writes where the version read still holds, and records the history line.
 */
@Singleton
class OrderTransitions {

    private final Orders orders;
    private final Clock clock;

    OrderTransitions(Orders orders, Clock clock) {
        this.orders = orders;
        this.clock = clock;
    }

    /** {@code locked} may carry payment or refund fields changed alongside: they are written in the same statement. */
    Order move(Order locked, OrderStatus next, String actor, @Nullable String reason) {
        locked.status().requireCanBecome(next);
        Instant now = now();
        Order moved = orders.update(locked.moved(next, now));
        orders.record(moved, HistoryEntry.transition(locked.status(), next, now, actor, reason));
        return moved;
    }

    /** A timeline line that changes no status (a wrong amount, a refund). */
    void note(Order order, String actor, String reason) {
        note(order, actor, now(), reason);
    }

    void note(Order order, String actor, Instant at, String reason) {
        orders.record(order, HistoryEntry.note(order.status(), at, actor, reason));
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
