package io.vitrine.orders.ordering;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PaymentQueryScheduleTest {

    private static final Instant PLACED = Instant.parse("2026-11-30T10:00:00Z");
    private final PaymentQuerySchedule schedule = new PaymentQuerySchedule(List.of(Duration.ofMinutes(2),
            Duration.ofMinutes(4), Duration.ofMinutes(8), Duration.ofMinutes(14)));

    @Test
    void an_order_is_due_in_the_round_that_first_sees_one_of_its_ages() {
        assertThat(schedule.due(PLACED, at(90), at(120))).isTrue();
        assertThat(schedule.due(PLACED, at(120), at(150))).isFalse();
        assertThat(schedule.due(PLACED, at(150), at(180))).isFalse();
        assertThat(schedule.due(PLACED, at(470), at(500))).isTrue();
        assertThat(schedule.due(PLACED, at(840), at(870))).isFalse();
    }

    @Test
    void a_late_round_still_asks_once_for_the_ages_it_missed() {
        assertThat(schedule.due(PLACED, at(100), at(400))).isTrue();
        assertThat(schedule.due(PLACED, at(400), at(430))).isFalse();
    }

    @Test
    void the_spans_a_round_reads_hold_exactly_the_orders_due_in_it() {
        Instant now = at(3_600);
        for (Instant since : List.of(now.minusSeconds(30), now.minusSeconds(150), now.minusSeconds(400),
                now.minusSeconds(1_000))) {
            List<UnpaidOrders.PlacedSpan> spans = schedule.spans(since, now);
            for (int back = 0; back <= 2_400; back += 5) {
                Instant placed = now.minusSeconds(back);
                boolean inSpan = spans.stream()
                        .anyMatch(s -> placed.isAfter(s.after()) && !placed.isAfter(s.upTo()));
                assertThat(inSpan).as("placed %ss before a round looking back to %s", back, since)
                        .isEqualTo(schedule.due(placed, since, now));
            }
        }
    }

    @Test
    void overlapping_spans_of_a_late_round_are_merged_and_a_first_round_reads_all_past_the_first_age() {
        Instant now = at(3_600);
        assertThat(schedule.spans(now.minusSeconds(30), now)).hasSize(4);
        assertThat(schedule.spans(now.minusSeconds(150), now)).hasSize(3);
        assertThat(schedule.spans(now.minusSeconds(400), now))
                .containsExactly(new UnpaidOrders.PlacedSpan(now.minusSeconds(400 + 840), now.minusSeconds(120)));
        assertThat(schedule.spans(Instant.EPOCH, now))
                .containsExactly(new UnpaidOrders.PlacedSpan(Instant.EPOCH, now.minusSeconds(120)));
    }

    @Test
    void ages_must_be_positive_and_increasing() {
        assertThatThrownBy(() -> new PaymentQuerySchedule(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PaymentQuerySchedule(List.of(Duration.ofMinutes(4), Duration.ofMinutes(2))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PaymentQuerySchedule(List.of(Duration.ZERO)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Instant at(int seconds) {
        return PLACED.plusSeconds(seconds);
    }
}
