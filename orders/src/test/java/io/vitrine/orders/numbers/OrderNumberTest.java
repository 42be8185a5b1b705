package io.vitrine.orders.numbers;

import io.vitrine.kernel.tenancy.BusinessKeys;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The order number's form: prefix, China day, nine random digits, a Luhn check digit that catches typing errors. */
class OrderNumberTest {

    @Test
    void a_number_reads_as_prefix_day_random_part_and_check_digit() {
        OrderNumber number = OrderNumber.of(LocalDate.of(2026, 11, 30), 79_927_398L);

        assertThat(number.value()).isEqualTo("V2611300799273983").hasSize(17);
        assertThat(OrderNumber.isValid(number.value())).isTrue();
        assertThat(BusinessKeys.isWellFormed(number.value())).isTrue();
        assertThat(OrderNumber.of(LocalDate.of(2027, 1, 1), 0).value()).startsWith("V270101000000000");
    }

    @Test
    void the_check_digit_is_luhns() {
        assertThat(OrderNumber.luhn("7992739871")).isEqualTo('3'); // the textbook example 79927398713
        assertThat(OrderNumber.luhn("0")).isEqualTo('0');
        assertThat(OrderNumber.luhn("1")).isEqualTo('8');
    }

    @Test
    void every_single_mistyped_digit_and_every_swap_of_unequal_neighbours_but_09_is_caught() {
        Random random = new Random(42);
        for (int n = 0; n < 500; n++) {
            String good = OrderNumber.of(LocalDate.of(2026, 1 + random.nextInt(12), 1 + random.nextInt(28)),
                    random.nextInt(1_000_000_000)).value();
            for (int i = 1; i < good.length(); i++) {
                for (char d = '0'; d <= '9'; d++) {
                    if (d != good.charAt(i)) {
                        assertThat(OrderNumber.isValid(good.substring(0, i) + d + good.substring(i + 1))).isFalse();
                    }
                }
                if (i + 1 < good.length()) {
                    char a = good.charAt(i);
                    char b = good.charAt(i + 1);
                    boolean luhnBlindSpot = (a == '0' && b == '9') || (a == '9' && b == '0');
                    if (a != b && !luhnBlindSpot) {
                        String swapped = good.substring(0, i) + b + a + good.substring(i + 2);
                        assertThat(OrderNumber.isValid(swapped)).as(swapped).isFalse();
                    }
                }
            }
        }
    }

    @Test
    void anything_else_is_no_order_number() {
        assertThat(OrderNumber.isValid(null)).isFalse();
        assertThat(OrderNumber.isValid("")).isFalse();
        assertThat(OrderNumber.isValid("X2611300799273983")).isFalse();
        assertThat(OrderNumber.isValid("V261130079927398")).isFalse();
        assertThat(OrderNumber.isValid("V26113007992739833")).isFalse();
        assertThatThrownBy(() -> new OrderNumber("V2611300799273980")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OrderNumber.of(LocalDate.of(2026, 1, 1), 1_000_000_000L))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
