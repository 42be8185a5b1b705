package io.vitrine.oversight.stats;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class StatsSegmentsTest {

    private static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);

    @Test
    void a_year_of_whole_months_reads_month_rows_only() {
        assertThat(StatsReports.segments(JAN_1, LocalDate.of(2026, 12, 31), true))
                .containsExactly(new StatsReports.Segment(PeriodKind.MONTH, JAN_1, LocalDate.of(2026, 12, 1)));
    }

    @Test
    void the_days_before_the_first_and_after_the_last_whole_month_read_day_rows() {
        assertThat(StatsReports.segments(LocalDate.of(2025, 12, 15), LocalDate.of(2026, 3, 3), true)).containsExactly(
                new StatsReports.Segment(PeriodKind.DAY, LocalDate.of(2025, 12, 15), LocalDate.of(2025, 12, 31)),
                new StatsReports.Segment(PeriodKind.MONTH, JAN_1, LocalDate.of(2026, 2, 1)),
                new StatsReports.Segment(PeriodKind.DAY, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 3)));
    }

    @Test
    void a_range_inside_one_month_or_grouped_by_day_reads_days() {
        assertThat(StatsReports.segments(LocalDate.of(2026, 2, 2), LocalDate.of(2026, 2, 27), true))
                .containsExactly(new StatsReports.Segment(PeriodKind.DAY, LocalDate.of(2026, 2, 2),
                        LocalDate.of(2026, 2, 27)));
        assertThat(StatsReports.segments(JAN_1, LocalDate.of(2026, 12, 31), false))
                .containsExactly(new StatsReports.Segment(PeriodKind.DAY, JAN_1, LocalDate.of(2026, 12, 31)));
    }
}
