package io.vitrine.orders.ordering;

import java.time.Duration;
import java.time.Instant;
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
