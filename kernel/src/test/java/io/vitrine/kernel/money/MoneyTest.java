package io.vitrine.kernel.money;

import io.vitrine.kernel.error.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    private static Money fen(long fen) {
        return Money.ofFen(fen);
    }

    @Test
    void adds_subtracts_and_multiplies_by_quantity() {
        assertThat(fen(1999).times(3).plus(fen(500)).minus(fen(1))).isEqualTo(fen(6496));
        assertThat(fen(100).minus(fen(250))).isEqualTo(fen(-150));
        assertThat(Money.sum(List.of(fen(1), fen(2), fen(3)))).isEqualTo(fen(6));
    }

    @Test
    void overflow_is_an_error_not_a_wrong_amount() {
        assertThatThrownBy(() -> fen(Long.MAX_VALUE).plus(fen(1))).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> fen(Long.MAX_VALUE / 2 + 1).times(2)).isInstanceOf(ArithmeticException.class);
    }

    @ParameterizedTest
    @CsvSource({
            "10000, 0.091, 910",   // 100.00 at the 9.1% comprehensive rate
            "10005, 0.091, 910",   // 910.455 -> 910
            "10006, 0.091, 911",   // 910.546 -> 911
            "5, 0.5, 3",           // exactly half a fen rounds up (2.5 -> 3), not to even
            "15, 0.5, 8",          // 7.5 -> 8
            "-5, 0.5, -3",         // symmetric for refunds: -2.5 -> -3
            "12345, 1, 12345"})
    void multiplying_by_a_rate_rounds_half_up_to_the_fen(long amount, String rate, long expected) {
        assertThat(fen(amount).times(new BigDecimal(rate))).isEqualTo(fen(expected));
    }

    @Test
    void allocation_always_sums_to_the_whole() {
        assertThat(fen(100).allocate(List.of(1L, 1L, 1L))).containsExactly(fen(34), fen(33), fen(33));
        assertThat(fen(-100).allocate(List.of(1L, 1L, 1L))).containsExactly(fen(-34), fen(-33), fen(-33));
        assertThat(fen(5).allocate(List.of(0L, 3L, 0L))).containsExactly(fen(0), fen(5), fen(0));
        for (long amount : new long[] {0, 1, 7, 99, 1001, 123457, -3}) {
            for (List<Long> weights : List.of(List.of(1L), List.of(3L, 7L), List.of(1L, 1L, 1L, 1L, 1L, 1L, 1L),
                    List.of(19999L, 1L, 5000L), List.of(Long.MAX_VALUE, Long.MAX_VALUE, 1L))) {
                List<Money> parts = fen(amount).allocate(weights);
                assertThat(Money.sum(parts)).as("%d over %s", amount, weights).isEqualTo(fen(amount));
                assertThat(parts).hasSize(weights.size());
            }
        }
    }

    @Test
    void leftover_fen_go_to_the_largest_remainders() {
        // exact shares 2.5, 3.5, 4.0 of 10 fen: floors 2+3+4 = 9, the one left over goes to the first
        // of the two equal remainders
        assertThat(fen(10).allocate(List.of(25L, 35L, 40L))).containsExactly(fen(3), fen(3), fen(4));
        // shares 0.2, 0.3, 0.5 of 1 fen -> the single fen goes to the largest remainder
        assertThat(fen(1).allocate(List.of(2L, 3L, 5L))).containsExactly(fen(0), fen(0), fen(1));
    }

    @Test
    void freight_is_apportioned_to_lines_by_value() {
        // freight 10.00 across lines worth 30.00, 70.00 and 0.00 (a free gift)
        List<Money> shares = fen(1000).apportionBy(List.of(fen(3000), fen(7000), fen(0)));
        assertThat(shares).containsExactly(fen(300), fen(700), fen(0));
        // freight 10.01 across three equal lines: the odd fen goes to the first
        assertThat(fen(1001).apportionBy(List.of(fen(1), fen(1), fen(1)))).containsExactly(fen(334), fen(334), fen(333));
    }

    @Test
    void allocation_needs_a_positive_total_weight_and_no_negative_weight() {
        assertThatThrownBy(() -> fen(100).allocate(List.of(0L, 0L))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fen(100).allocate(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fen(100).allocate(List.of(2L, -1L))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void large_weights_do_not_overflow() {
        List<Long> weights = LongStream.of(Long.MAX_VALUE / 3, Long.MAX_VALUE / 3).boxed().toList();
        assertThat(fen(Long.MAX_VALUE - 1).allocate(weights)).containsExactly(fen(Long.MAX_VALUE / 2), fen(Long.MAX_VALUE / 2));
    }

    @Test
    void compares_and_tells_sign() {
        assertThat(fen(0).isZero()).isTrue();
        assertThat(fen(-1).isNegative()).isTrue();
        assertThat(fen(1).isPositive()).isTrue();
        assertThat(fen(0).isPositive()).isFalse();
        assertThat(fen(2).isGreaterThan(fen(1))).isTrue();
        assertThat(fen(1).isLessThan(fen(2))).isTrue();
        assertThat(fen(1).max(fen(2))).isEqualTo(fen(2));
        assertThat(fen(1).min(fen(2))).isEqualTo(fen(1));
        assertThat(List.of(fen(3), fen(-1), fen(2)).stream().sorted().toList()).containsExactly(fen(-1), fen(2), fen(3));
        assertThat(fen(5).negate()).isEqualTo(fen(-5));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "123456 | ¥1,234.56 | 1234.56",
            "0 | ¥0.00 | 0.00",
            "5 | ¥0.05 | 0.05",
            "-5 | -¥0.05 | -0.05",
            "100000000 | ¥1,000,000.00 | 1000000.00",
            "-123456 | -¥1,234.56 | -1234.56"})
    void formats_for_people_and_for_alipay_and_customs(long amount, String display, String plain) {
        assertThat(fen(amount).toDisplayString()).isEqualTo(display);
        assertThat(fen(amount).toPlainString()).isEqualTo(plain);
        assertThat(Money.parse(plain)).isEqualTo(fen(amount));
    }

    @ParameterizedTest
    @CsvSource({"12.34, 1234", "12, 1200", "12.3, 1230", "0.5, 50", "-1.00, -100", "12.34000, 1234",
            "' 7.00 ', 700", "0, 0"})
    void parses_plain_yuan_and_customs_decimals(String text, long expected) {
        assertThat(Money.parse(text)).isEqualTo(fen(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12.345", "1,234.56", "¥12", "1e3", "+1", "12.", ".5", "abc", "12.3400001",
            "0.00100"}) // a tenth of a fen: refused, not rounded
    void refuses_what_is_not_a_plain_amount_in_whole_fen(String text) {
        assertThatThrownBy(() -> Money.parse(text)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors()).hasSize(1));
    }

    @Test
    void converts_exactly_from_yuan() {
        assertThat(Money.ofYuan(new BigDecimal("19.90"))).isEqualTo(fen(1990));
        assertThat(fen(1990).toYuan()).isEqualByComparingTo("19.90");
        assertThatThrownBy(() -> Money.ofYuan(new BigDecimal("19.901"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(fen(1990)).hasToString("CNY 19.90");
    }
}
