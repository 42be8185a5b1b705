package io.vitrine.oversight.stats;

import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.tenancy.TenantId;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reports from the aggregates, never from the orders: the rows of the grouping's grain over the range — whole years
 * from their year rows, whole months from month rows, whole weeks at the range's edges from week rows, the days left
 * (and every day when grouped by day) from day rows — added up per group, clearance histograms merged per group when
 * its figures are made. The caller decides the scope (api: a retailer itself, a park its members, the platform admin
 * everyone).
 */
@Singleton
public class StatsReports {

    private final StatsRollups rollups;

    StatsReports(StatsRollups rollups) {
        this.rollups = rollups;
    }

    @Transactional(readOnly = true)
    public StatsReport report(StatsScope scope, LocalDate from, LocalDate to, StatsGrouping grouping) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to before from");
        }
        Map<String, Group> groups = new HashMap<>();
        for (Segment segment : segments(from, to, grouping)) {
            rollups.read(grouping.grain(), segment.kind(), segment.from(), segment.to(), scope, row -> {
                String key = keyOf(grouping, row);
                groups.computeIfAbsent(key, k -> new Group(k, grouping == StatsGrouping.STORE
                        || grouping == StatsGrouping.TENANT ? row.keys().tenant() : null)).tally.add(row);
            });
        }
        if (grouping == StatsGrouping.DAY) {
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                groups.computeIfAbsent(day.toString(), k -> new Group(k, null));
            }
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        FiguresTally totals = new FiguresTally();
        ClearanceTimes scratch = ClearanceTimes.empty();
        List<StatsLine> lines = new ArrayList<>(groups.size());
        for (Group group : new TreeMap<>(groups).values()) {
            totals.add(group.tally);
            lines.add(new StatsLine(group.key, group.tenant,
                    group.tally.figures(grouping == StatsGrouping.DAY ? 1 : days, scratch)));
        }
        return new StatsReport(from, to, grouping, totals.figures(days, scratch), lines);
    }

    private static String keyOf(StatsGrouping grouping, RollupRow row) {
        return switch (grouping) {
            case DAY -> row.periodStart().toString();
            case TENANT -> row.keys().tenant().value();
            // a store code is a tenant's own: two tenants' S001 are two groups
            case STORE -> row.keys().storeCode() + "\u0000" + row.keys().tenant().value();
            case TRADE_MODE -> row.keys().tradeMode();
            case ORIGIN_COUNTRY -> row.keys().originCountry();
        };
    }

    /**
     * The reads of this grouping over {@code [from, to]} ({@link #segments(LocalDate, LocalDate, boolean, LocalDate)}
     * with the weeks whose rows are whole).
     */
    @Transactional(readOnly = true)
    public List<Segment> segments(LocalDate from, LocalDate to, StatsGrouping grouping) {
        return grouping.readsMonths() ? segments(from, to, true, rollups.yearRowsFrom(), rollups.weekRowsFrom())
                : segments(from, to, false, LocalDate.MAX, LocalDate.MAX);
    }

    /**
     * The reads that cover {@code [from, to]}: when allowed ({@code coarse}), the whole years inside it from year
     * rows, the whole months beside them from month rows, the whole weeks inside what is left at each edge from week
     * rows (only weeks starting on or after {@code weekRowsFrom}, a Monday), and the days left from day rows;
     * otherwise every day from day rows.
     */
    public static List<Segment> segments(LocalDate from, LocalDate to, boolean coarse, LocalDate weekRowsFrom) {
        return segments(from, to, coarse, LocalDate.MIN, weekRowsFrom);
    }

    /**
     * {@link #segments(LocalDate, LocalDate, boolean, LocalDate)} where only the years starting on or after
     * {@code yearRowsFrom} (a January 1st) are read from year rows, the earlier ones from their months.
     */
    public static List<Segment> segments(LocalDate from, LocalDate to, boolean coarse, LocalDate yearRowsFrom,
                                         LocalDate weekRowsFrom) {
        if (!coarse) {
            return List.of(new Segment(PeriodKind.DAY, from, to));
        }
        List<Segment> segments = new ArrayList<>();
        split(from, to, List.of(PeriodKind.YEAR, PeriodKind.MONTH, PeriodKind.WEEK),
                Map.of(PeriodKind.YEAR, yearRowsFrom, PeriodKind.WEEK, weekRowsFrom), segments);
        return segments;
    }

    /**
     * The whole periods of the first kind inside {@code [from, to]} as one read, what is left before and after them
     * split by the next kinds in turn, days last.
     */
    private static void split(LocalDate from, LocalDate to, List<PeriodKind> kinds, Map<PeriodKind, LocalDate> rowsFrom,
                              List<Segment> segments) {
        if (kinds.isEmpty()) {
            segments.add(new Segment(PeriodKind.DAY, from, to));
            return;
        }
        PeriodKind kind = kinds.get(0);
        List<PeriodKind> finer = kinds.subList(1, kinds.size());
        LocalDate firstWhole = kind.startOf(from).equals(from) ? from : kind.lastDayOf(kind.startOf(from)).plusDays(1);
        LocalDate kept = rowsFrom.getOrDefault(kind, LocalDate.MIN);
        if (firstWhole.isBefore(kept)) {
            firstWhole = kept;
        }
        LocalDate lastStart = kind.startOf(to);
        LocalDate lastWholeEnd = kind.lastDayOf(lastStart).equals(to) ? to : lastStart.minusDays(1);
        if (firstWhole.isAfter(lastWholeEnd)) {
            split(from, to, finer, rowsFrom, segments);
            return;
        }
        if (from.isBefore(firstWhole)) {
            split(from, firstWhole.minusDays(1), finer, rowsFrom, segments);
        }
        segments.add(new Segment(kind, firstWhole, kind.startOf(lastWholeEnd)));
        if (lastWholeEnd.isBefore(to)) {
            split(lastWholeEnd.plusDays(1), to, finer, rowsFrom, segments);
        }
    }

    /** Rows of one period kind whose period_start is in {@code [from, to]}. */
    public record Segment(PeriodKind kind, LocalDate from, LocalDate to) {
    }

    private static final class Group {
        final String key;
        final TenantId tenant;
        final FiguresTally tally = new FiguresTally();

        Group(String key, TenantId tenant) {
            this.key = key.contains("\u0000") ? key.substring(0, key.indexOf('\u0000')) : key;
            this.tenant = tenant;
        }
    }
}
