package io.vitrine.oversight.stats;

import java.time.LocalDate;
import java.util.function.Consumer;

/**
 * The aggregate rows (V46 {@code stats_rollups}). Implemented in {@code infra}; writes join the caller's transaction.
 */
public interface StatsRollups {

    /**
     * Adds the delta to the rows of these keys for this China day: one per {@link Grain}, for the day, its week, its
     * month and its year (twelve rows; eight for kiosk figures), created when missing (a week row from its week's day
     * rows, a year row from its year's month rows).
     */
    void add(OrderKeys keys, LocalDate day, StatsDelta delta);

    /**
     * The first Monday from which week rows are whole (V61 {@code stats_period_kinds}): weeks before it may hold days
     * written before week rows were kept and are read from their days. {@link LocalDate#MAX}: none.
     */
    LocalDate weekRowsFrom();

    /**
     * The first January 1st from which year rows are whole (V61 {@code stats_period_kinds}): a year under way when
     * year rows began (V58) has no year row for a key not written since, and is read from its months.
     */
    LocalDate yearRowsFrom();

    /**
     * Hands over every row of the grain and period kind whose {@code period_start} is within {@code [from, to]}, of
     * the scope's tenants (every tenant's for {@link StatsScope#everyTenant()}; none for an empty set).
     */
    void read(Grain grain, PeriodKind kind, LocalDate from, LocalDate to, StatsScope scope, Consumer<RollupRow> rows);
}
