package io.vitrine.oversight.stats;

import java.time.Instant;

/**
 * A decision on an order's declaration as the statistics count it: passed (customs released it) or not (customs
 * rejected it, or clearance refused the order), and when it was taken.
 */
public record Decision(boolean passed, Instant at) {

    /** Whether this decision was taken before the other (at the same instant, the one recorded first stays). */
    public boolean before(Decision other) {
        return at.isBefore(other.at);
    }
}
