package io.vitrine.oversight.stats;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class StatsSegmentsTest {

    private static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);
    private static final LocalDate NO_WEEKS = LocalDate.MAX;
    /** The Monday of the week holding 2025-01-01. */
    private static final LocalDate WEEKS_KEPT = LocalDate.of(2024, 12, 30);

    @Test
    void a_whole_year_reads_its_year_rows_only() {
        assertThat(StatsReports.segments(JAN_1, LocalDate.of(2026, 12, 31), true, NO_WEEKS))
                .containsExactly(new StatsReports.Segment(PeriodKind.YEAR, JAN_1, JAN_1));
    }

    @Test
    void a_range_around_a_whole_year_reads_months_and_days_beside_it() {
        assertThat(StatsReports.segments(LocalDate.of(2025, 11, 20), LocalDate.of(2027, 2, 10), true, NO_WEEKS))
                .containsExactly(
                        new StatsReports.Segment(PeriodKind.DAY, LocalDate.of(2025, 11, 20), LocalDate.of(2025, 11, 30)),
                        new StatsReports.Segment(PeriodKind.MONTH, LocalDate.of(2025, 12, 1), LocalDate.of(2025, 12, 1)),
                        new StatsReports.Segment(PeriodKind.YEAR, JAN_1, JAN_1),
                        new StatsReports.Segment(PeriodKind.MONTH, LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 1)),
                        new StatsReports.Segment(PeriodKind.DAY, LocalDate.of(2027, 2, 1), LocalDate.of(2027, 2, 10)));
    }

    @Test
    void eleven_months_and_a_half_read_months_and_edge_days() {
        assertThat(StatsReports.segments(LocalDate.of(2025, 1, 15), LocalDate.of(2025, 12, 14), true, NO_WEEKS))
                .extracting(StatsReports.Segment::kind)
                .containsExactly(PeriodKind.DAY, PeriodKind.MONTH, PeriodKind.DAY);
    }

    @Test
    void the_days_before_the_first_and_after_the_last_whole_month_read_day_rows() {
        assertThat(StatsReports.segments(LocalDate.of(2025, 12, 15), LocalDate.of(2026, 3, 3), true, NO_WEEKS))
                .containsExactly(
                new StatsReports.Segment(PeriodKind.DAY, LocalDate.of(2025, 12, 15), LocalDate.of(2025, 12, 31)),
                new StatsReports.Segment(PeriodKind.MONTH, JAN_1, LocalDate.of(2026, 2, 1)),
                new StatsReports.Segment(PeriodKind.DAY, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 3)));
    }

    @Test
    void a_range_inside_one_month_or_grouped_by_day_reads_days() {
        assertThat(StatsReports.segments(LocalDate.of(2026, 2, 2), LocalDate.of(2026, 2, 27), true, NO_WEEKS))
                .containsExactly(new StatsReports.Segment(PeriodKind.DAY, LocalDate.of(2026, 2, 2),
                        LocalDate.of(2026, 2, 27)));
        assertThat(StatsReports.segments(JAN_1, LocalDate.of(2026, 12, 31), false, NO_WEEKS))
                .containsExactly(new StatsReports.Segment(PeriodKind.DAY, JAN_1, LocalDate.of(2026, 12, 31)));
    }

    @Test
    void the_edges_of_eleven_months_and_a_half_read_their_whole_weeks_from_week_rows() {
        // Jan 15 is a Wednesday, Jan 20 a Monday; Dec 1 a Monday, Dec 14 a Sunday
        assertThat(StatsReports.segments(LocalDate.of(2025, 1, 15), LocalDate.of(2025, 12, 14), true, WEEKS_KEPT))
                .containsExactly(
                        days(LocalDate.of(2025, 1, 15), LocalDate.of(2025, 1, 19)),
                        weeks(LocalDate.of(2025, 1, 20), LocalDate.of(2025, 1, 20)),
                        days(LocalDate.of(2025, 1, 27), LocalDate.of(2025, 1, 31)),
                        new StatsReports.Segment(PeriodKind.MONTH, LocalDate.of(2025, 2, 1), LocalDate.of(2025, 11, 1)),
                        weeks(LocalDate.of(2025, 12, 1), LocalDate.of(2025, 12, 8)));
    }

    @Test
    void a_week_across_a_month_or_year_edge_is_read_from_its_days_beside_whole_months_and_years() {
        // Dec 29 2025 - Jan 4 2026 holds the year's edge: the year before it and the days after it
        assertThat(StatsReports.segments(LocalDate.of(2024, 12, 30), LocalDate.of(2026, 1, 4), true, WEEKS_KEPT))
                .containsExactly(
                        days(LocalDate.of(2024, 12, 30), LocalDate.of(2024, 12, 31)),
                        new StatsReports.Segment(PeriodKind.YEAR, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 1)),
                        days(JAN_1, LocalDate.of(2026, 1, 4)));
        // inside one month: the whole weeks, the days before and after them
        assertThat(StatsReports.segments(LocalDate.of(2026, 2, 4), LocalDate.of(2026, 2, 25), true, WEEKS_KEPT))
                .containsExactly(
                        days(LocalDate.of(2026, 2, 4), LocalDate.of(2026, 2, 8)),
                        weeks(LocalDate.of(2026, 2, 9), LocalDate.of(2026, 2, 16)),
                        days(LocalDate.of(2026, 2, 23), LocalDate.of(2026, 2, 25)));
    }

    @Test
    void weeks_before_week_rows_were_kept_whole_are_read_from_their_days() {
        assertThat(StatsReports.segments(LocalDate.of(2025, 1, 15), LocalDate.of(2025, 12, 14), true,
                LocalDate.of(2025, 12, 8))).containsExactly(
                days(LocalDate.of(2025, 1, 15), LocalDate.of(2025, 1, 31)),
                new StatsReports.Segment(PeriodKind.MONTH, LocalDate.of(2025, 2, 1), LocalDate.of(2025, 11, 1)),
                days(LocalDate.of(2025, 12, 1), LocalDate.of(2025, 12, 7)),
                weeks(LocalDate.of(2025, 12, 8), LocalDate.of(2025, 12, 8)));
    }

    private static StatsReports.Segment days(LocalDate from, LocalDate to) {
        return new StatsReports.Segment(PeriodKind.DAY, from, to);
    }

    private static StatsReports.Segment weeks(LocalDate firstMonday, LocalDate lastMonday) {
        return new StatsReports.Segment(PeriodKind.WEEK, firstMonday, lastMonday);
    }
}
