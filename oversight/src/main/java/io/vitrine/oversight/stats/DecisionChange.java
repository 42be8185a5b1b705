package io.vitrine.oversight.stats;

import io.micronaut.core.annotation.Nullable;

import java.util.Optional;

/**
 * What recording a decision changed ({@link StatsOrders#decide}): whether it now counts as the declaration's first
 * decision, and the one it replaced, which no longer counts (an earlier decision delivered after a later one).
 */
public record DecisionChange(boolean counts, @Nullable Decision replaced) {

    private static final DecisionChange NONE = new DecisionChange(false, null);
    private static final DecisionChange FIRST = new DecisionChange(true, null);

    public static DecisionChange none() {
        return NONE;
    }

    public static DecisionChange first() {
        return FIRST;
    }

    public static DecisionChange replacing(Decision replaced) {
        return new DecisionChange(true, replaced);
    }

    public Optional<Decision> replacedDecision() {
        return Optional.ofNullable(replaced);
    }
}
