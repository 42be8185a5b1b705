package io.vitrine.orders.ordering;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * When the lost-notify round asks Alipay about an unpaid order: at these ages of the order (default 2, 4, 8 and 14
 * minutes; {@code vitrine.orders.payment-query.schedule}), not every round — a notify lost in the first minutes is
 * found at 2 minutes, and an abandoned order costs four queries before the close round asks a last time and closes
 * it at 15. A round asks about an order when one of its ages fell since the previous round: a late or skipped round
 * still asks once, and two rounds never ask twice for the same age.
 *
 * @param ages strictly increasing, positive
 */
record PaymentQuerySchedule(List<Duration> ages) {

    PaymentQuerySchedule {
        ages = List.copyOf(ages);
        if (ages.isEmpty()) {
            throw new IllegalArgumentException("vitrine.orders.payment-query.schedule needs at least one age");
        }
        for (int i = 0; i < ages.size(); i++) {
            Duration age = ages.get(i);
            if (age.isNegative() || age.isZero() || (i > 0 && age.compareTo(ages.get(i - 1)) <= 0)) {
                throw new IllegalArgumentException("vitrine.orders.payment-query.schedule: positive ages in increasing "
                        + "order, e.g. 2m,4m,8m,14m");
            }
        }
    }

    /** The youngest order a round may ask about is this old. */
    Duration first() {
        return ages.get(0);
    }

    /**
     * When the orders a round asks about were placed: those that reached one of the ages after {@code since} and at
     * or before {@code now} — per age, placed in ({@code since} − age, {@code now} − age] — overlapping spans merged,
     * oldest first. {@link Instant#EPOCH} as {@code since} (an instance's first round) is one span: every order past
     * the first age.
     */
    List<UnpaidOrders.PlacedSpan> spans(Instant since, Instant now) {
        if (since.equals(Instant.EPOCH)) {
            return List.of(new UnpaidOrders.PlacedSpan(Instant.EPOCH, now.minus(first())));
        }
        List<UnpaidOrders.PlacedSpan> spans = new ArrayList<>();
        for (int i = ages.size() - 1; i >= 0; i--) {
            UnpaidOrders.PlacedSpan span = new UnpaidOrders.PlacedSpan(since.minus(ages.get(i)), now.minus(ages.get(i)));
            UnpaidOrders.PlacedSpan previous = spans.isEmpty() ? null : spans.get(spans.size() - 1);
            if (previous != null && !span.after().isAfter(previous.upTo())) {
                spans.set(spans.size() - 1, new UnpaidOrders.PlacedSpan(previous.after(), span.upTo()));
            } else {
                spans.add(span);
            }
        }
        return List.copyOf(spans);
    }

    /** Whether the order placed then reached one of the ages after {@code since} and at or before {@code now}. */
    boolean due(Instant placedAt, Instant since, Instant now) {
        for (Duration age : ages) {
            Instant at = placedAt.plus(age);
            if (at.isAfter(since) && !at.isAfter(now)) {
                return true;
            }
        }
        return false;
    }
}
