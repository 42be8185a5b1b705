package io.vitrine.orders.numbers;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReturnNumberTest {

    @Test
    void a_return_number_is_r_the_china_day_nine_digits_and_a_luhn_digit_never_an_order_number() {
        ReturnNumber number = ReturnNumber.of(LocalDate.of(2026, 12, 1), 79927398L);

        assertThat(number.value()).hasSize(17).startsWith("R261201079927398");
        assertThat(number.value().charAt(16)).isEqualTo(OrderNumber.luhn("261201079927398"));
        assertThat(ReturnNumber.isValid(number.value())).isTrue();
        assertThat(OrderNumber.isValid(number.value())).isFalse();
        assertThat(ReturnNumber.isValid("V" + number.value().substring(1))).isFalse();
        char wrong = (char) ('0' + (number.value().charAt(16) - '0' + 1) % 10);
        assertThat(ReturnNumber.isValid(number.value().substring(0, 16) + wrong)).isFalse();
        assertThatThrownBy(() -> new ReturnNumber("R123")).isInstanceOf(IllegalArgumentException.class);
    }
}
