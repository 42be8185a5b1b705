package io.vitrine.oversight.stats;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class StatsSegmentsTest {

    private static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);

    @Test
    void a_whole_year_reads_its_year_rows_only() {
        assertThat(StatsReports.segments(JAN_1, LocalDate.of(2026, 12, 31), true))
                .containsExactly(new StatsReports.Segment(PeriodKind.YEAR, JAN_1, JAN_1));
    }

    @Test
    void a_range_around_a_whole_year_reads_months_and_days_beside_it() {
        assertThat(StatsReports.segments(LocalDate.of(2025, 11, 20), LocalDate.of(2027, 2, 10), true))
                .containsExactly(
                        new StatsReports.Segment(PeriodKind.DAY, LocalDate.of(2025, 11, 20), LocalDate.of(2025, 11, 30)),
                        new StatsReports.Segment(PeriodKind.MONTH, LocalDate.of(2025, 12, 1), LocalDate.of(2025, 12, 1)),
                        new StatsReports.Segment(PeriodKind.YEAR, JAN_1, JAN_1),
                        new StatsReports.Segment(PeriodKind.MONTH, LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 1)),
                        new StatsReports.Segment(PeriodKind.DAY, LocalDate.of(2027, 2, 1), LocalDate.of(2027, 2, 10)));
    }

    @Test
    void eleven_months_and_a_half_read_months_and_edge_days() {
        assertThat(StatsReports.segments(LocalDate.of(2025, 1, 15), LocalDate.of(2025, 12, 14), true))
                .extracting(StatsReports.Segment::kind)
                .containsExactly(PeriodKind.DAY, PeriodKind.MONTH, PeriodKind.DAY);
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
