package io.vitrine.oversight.stats;

import java.time.LocalDate;

/** A row's period (V46 {@code stats_rollups.period_kind}): a China day, or a China month by its first day. */
public enum PeriodKind {
    DAY("D"),
    MONTH("M");

    private final String code;

    PeriodKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The {@code period_start} of the period holding this day. */
    public LocalDate startOf(LocalDate day) {
        return this == DAY ? day : day.withDayOfMonth(1);
    }
}
