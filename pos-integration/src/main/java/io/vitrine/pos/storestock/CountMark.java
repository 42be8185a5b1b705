package io.vitrine.pos.storestock;

import java.time.Instant;
import java.util.Comparator;

/**
 * The position of a count in time: its occurredAt, ties broken by the event key so that two counts of the same
 * instant are ordered the same on every instance and in every arrival order.
 */
public record CountMark(Instant at, String eventKey) implements Comparable<CountMark> {

    private static final Comparator<CountMark> ORDER =
            Comparator.comparing(CountMark::at).thenComparing(CountMark::eventKey);

    @Override
    public int compareTo(CountMark other) {
        return ORDER.compare(this, other);
    }
}
