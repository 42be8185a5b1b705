package io.vitrine.oversight.stats;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;

/**
 * A row's period (V46, V58, V61 {@code stats_rollups.period_kind}): a China day, a China ISO week (Monday to Sunday)
 * by its Monday, a China month by its first day, a China year by its January 1st. Declared from the finest to the
 * coarsest: an event's rows are written in this order.
 */
public enum PeriodKind {
    DAY("D"),
    WEEK("W"),
    MONTH("M"),
    YEAR("Y");

    private final String code;

    PeriodKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The {@code period_start} of the period holding this day. */
    public LocalDate startOf(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
            case YEAR -> day.withDayOfYear(1);
        };
    }

    /** The last day of the period starting on {@code start}. */
    public LocalDate lastDayOf(LocalDate start) {
        return switch (this) {
            case DAY -> start;
            case WEEK -> start.plusDays(6);
            case MONTH -> start.plusMonths(1).minusDays(1);
            case YEAR -> start.plusYears(1).minusDays(1);
        };
    }

    /**
     * The finer rows a new row of this kind is created from (the event's own already counted in them), so that a
     * period begun before its rows were kept is whole: a week from its days, a year from its months (whose rows were
     * kept from the start). Empty: created holding the event alone.
     */
    public Optional<PeriodKind> createdFrom() {
        return switch (this) {
            case WEEK -> Optional.of(DAY);
            case YEAR -> Optional.of(MONTH);
            case DAY, MONTH -> Optional.empty();
        };
    }
}
