package io.vitrine.oversight.stats;

import java.time.LocalDate;

/**
 * A row's period (V46, V58 {@code stats_rollups.period_kind}): a China day, a China month by its first day, a China
 * year by its January 1st. Declared from the finest to the coarsest: an event's rows are written in this order.
 */
public enum PeriodKind {
    DAY("D"),
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
            case MONTH -> day.withDayOfMonth(1);
            case YEAR -> day.withDayOfYear(1);
        };
    }
}
