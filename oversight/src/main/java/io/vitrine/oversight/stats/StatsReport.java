package io.vitrine.oversight.stats;

import java.time.LocalDate;
import java.util.List;

/**
 * A statistics report over China days {@code from}..{@code to} (both included): the totals and one line per group
 * (by day: every day of the range, in order, also days without anything; otherwise the groups found, by key).
 */
public record StatsReport(LocalDate from, LocalDate to, StatsGrouping grouping, StatsFigures totals,
                          List<StatsLine> lines) {
}
