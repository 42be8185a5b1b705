package io.vitrine.benchmarks;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The effectively-once checks of customs-effectively-once and kill-loop: a double, a miss or a stranger is seen. */
class CountCheckTest {

    private final Set<String> orders = Set.of("A", "B", "C");

    @Test
    void exactly_one_holds_when_each_key_is_counted_once_and_no_other() {
        CountCheck check = CountCheck.exactlyOne(orders, "paid orders", "declarations", Map.of("A", 1L, "B", 1L, "C", 1L));

        assertThat(check.ok()).isTrue();
        assertThat(check.expected()).isEqualTo("1 for each of the 3 paid orders");
        assertThat(check.found()).isEqualTo("3 with 1, 0 not");
    }

    @Test
    void a_key_counted_twice_or_missing_or_a_key_beyond_them_breaks_it() {
        assertThat(CountCheck.exactlyOne(orders, "paid orders", "d", Map.of("A", 1L, "B", 2L, "C", 1L)).found())
                .isEqualTo("2 with 1, 1 not");
        assertThat(CountCheck.exactlyOne(orders, "paid orders", "d", Map.of("A", 1L, "B", 1L)).ok()).isFalse();
        CountCheck stranger = CountCheck.exactlyOne(orders, "paid orders", "d", Map.of("A", 1L, "B", 1L, "C", 1L,
                "Z", 1L));
        assertThat(stranger.ok()).isFalse();
        assertThat(stranger.found()).isEqualTo("3 with 1, 0 not, 1 others");
    }

    @Test
    void the_table_marks_what_is_violated_and_says_whether_all_hold() {
        List<CountCheck> checks = List.of(CountCheck.equal("ledger rows", 5, 5), CountCheck.equal("units", 9, 10));
        StringBuilder out = new StringBuilder();

        CountCheck.table(out, checks);

        assertThat(out.toString()).contains("| ledger rows | 5 | 5 | ok |", "| units | 9 | 10 | **VIOLATED** |",
                "**Some counts are violated (above).**");
        assertThat(CountCheck.allHold(checks)).isFalse();
        assertThat(CountCheck.allHold(List.of())).isFalse();
        assertThat(CountCheck.allHold(checks.subList(0, 1))).isTrue();
    }
}
