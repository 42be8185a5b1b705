package io.vitrine.oversight.stats;

import java.time.LocalDate;
import java.util.function.Consumer;

/**
 * The aggregate rows (V46 {@code stats_rollups}). Implemented in {@code infra}; writes join the caller's transaction.
 */
public interface StatsRollups {

    /**
     * Adds the delta to the rows of these keys for this China day: one per {@link Grain}, for the day, its month and
     * its year (nine rows; six for kiosk figures), created when missing (a year row from its year's month rows).
     */
    void add(OrderKeys keys, LocalDate day, StatsDelta delta);

    /**
     * Hands over every row of the grain and period kind whose {@code period_start} is within {@code [from, to]}, of
     * the scope's tenants (every tenant's for {@link StatsScope#everyTenant()}; none for an empty set).
     */
    void read(Grain grain, PeriodKind kind, LocalDate from, LocalDate to, StatsScope scope, Consumer<RollupRow> rows);
}
