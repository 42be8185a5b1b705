package io.vitrine.orders.ordering;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/**
 * A line of an order's timeline: a status change ({@link Kind#TRANSITION}, {@code from} null for the placement), or
 * a note about something that changed no status ({@link Kind#NOTE}: a payment of the wrong amount, a refund).
 *
 * @param actor who did it: a staff id, {@code shopper}, {@code alipay} or {@code system}
 */
public record HistoryEntry(Kind kind, @Nullable OrderStatus from, OrderStatus to, Instant at, String actor,
                           @Nullable String reason) {

    public enum Kind { TRANSITION, NOTE }

    public static HistoryEntry transition(@Nullable OrderStatus from, OrderStatus to, Instant at, String actor,
                                          @Nullable String reason) {
        return new HistoryEntry(Kind.TRANSITION, from, to, at, actor, reason);
    }

    public static HistoryEntry note(OrderStatus at, Instant when, String actor, String reason) {
        return new HistoryEntry(Kind.NOTE, at, at, when, actor, reason);
    }
}
