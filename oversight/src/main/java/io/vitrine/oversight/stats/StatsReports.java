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
 * from their year rows, whole months from month rows, the days at the range's edges (and every day when grouped by
 * day) from day rows — added up per group, clearance histograms merged per group when its figures are made. The caller decides the scope (api: a retailer itself, a park its members,
 * the platform admin everyone).
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
        for (Segment segment : segments(from, to, grouping.readsMonths())) {
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
     * The reads that cover {@code [from, to]}: when allowed ({@code coarse}), the whole years inside it from year
     * rows, the whole months beside them from month rows, and the days left at the edges from day rows; otherwise
     * every day from day rows.
     */
    public static List<Segment> segments(LocalDate from, LocalDate to, boolean coarse) {
        if (!coarse) {
            return List.of(new Segment(PeriodKind.DAY, from, to));
        }
        LocalDate firstWhole = from.getDayOfYear() == 1 ? from : from.plusYears(1).withDayOfYear(1);
        LocalDate lastWholeEnd = to.plusDays(1).getDayOfYear() == 1 ? to : to.withDayOfYear(1).minusDays(1);
        if (firstWhole.isAfter(lastWholeEnd)) {
            return monthsAndDays(from, to);
        }
        List<Segment> segments = new ArrayList<>(5);
        if (from.isBefore(firstWhole)) {
            segments.addAll(monthsAndDays(from, firstWhole.minusDays(1)));
        }
        segments.add(new Segment(PeriodKind.YEAR, firstWhole, lastWholeEnd.withDayOfYear(1)));
        if (lastWholeEnd.isBefore(to)) {
            segments.addAll(monthsAndDays(lastWholeEnd.plusDays(1), to));
        }
        return segments;
    }

    /** The whole months inside {@code [from, to]} from month rows, the days before and after them from day rows. */
    private static List<Segment> monthsAndDays(LocalDate from, LocalDate to) {
        LocalDate firstWhole = from.getDayOfMonth() == 1 ? from : from.plusMonths(1).withDayOfMonth(1);
        LocalDate lastWholeEnd = to.plusDays(1).getDayOfMonth() == 1 ? to : to.withDayOfMonth(1).minusDays(1);
        if (firstWhole.isAfter(lastWholeEnd)) {
            return List.of(new Segment(PeriodKind.DAY, from, to));
        }
        List<Segment> segments = new ArrayList<>(3);
        if (from.isBefore(firstWhole)) {
            segments.add(new Segment(PeriodKind.DAY, from, firstWhole.minusDays(1)));
        }
        segments.add(new Segment(PeriodKind.MONTH, firstWhole, lastWholeEnd.withDayOfMonth(1)));
        if (lastWholeEnd.isBefore(to)) {
            segments.add(new Segment(PeriodKind.DAY, lastWholeEnd.plusDays(1), to));
        }
        return segments;
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
