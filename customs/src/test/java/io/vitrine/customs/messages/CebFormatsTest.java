package io.vitrine.customs.messages;

import io.vitrine.kernel.error.InvalidInputException;
import io.vitrine.kernel.money.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Decimal, time and guid forms as written and as read. */
class CebFormatsTest {

    @Test
    void amounts_are_written_in_yuan_with_two_decimals() {
        assertThat(CebFormats.amount(Money.ofFen(56952))).isEqualTo("569.52");
        assertThat(CebFormats.amount(Money.ofFen(1000))).isEqualTo("10.00");
        assertThat(CebFormats.amount(Money.ZERO)).isEqualTo("0.00");
    }

    @Test
    void amounts_are_read_with_trailing_zeros_up_to_decimal_19_5_but_never_a_fraction_of_a_fen() {
        assertThat(CebFormats.readAmount("12.34000")).isEqualTo(Money.ofFen(1234));
        assertThat(CebFormats.readAmount("12")).isEqualTo(Money.ofFen(1200));
        assertThatThrownBy(() -> CebFormats.readAmount("12.345")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> CebFormats.readAmount("1.2E3")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void quantities_and_weights_are_plain_decimals_without_trailing_zeros_or_exponent_at_most_five_decimals() {
        assertThat(CebFormats.decimal(new BigDecimal("2"))).isEqualTo("2");
        assertThat(CebFormats.decimal(new BigDecimal("1.60"))).isEqualTo("1.6");
        assertThat(CebFormats.decimal(new BigDecimal("100"))).isEqualTo("100");
        assertThat(CebFormats.decimal(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(CebFormats.decimal(new BigDecimal("0.000125"))).isEqualTo("0.00013");
        assertThat(CebFormats.decimal(new BigDecimal("0.0000049"))).isEqualTo("0");
    }

    @Test
    void decimals_read_are_plain_with_at_most_five_decimals() {
        assertThat(CebFormats.readDecimal("1.67500")).isEqualByComparingTo("1.675");
        for (String bad : new String[]{"1.234567", "1e3", "+1", "1,5", "", "123456789012345"}) {
            assertThatThrownBy(() -> CebFormats.readDecimal(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void times_and_days_are_china_time() {
        assertThat(CebFormats.time(Instant.parse("2026-12-31T16:30:00Z"))).isEqualTo("20270101003000");
        assertThat(CebFormats.receiptTime(Instant.parse("2026-11-30T03:20:45.007Z"))).isEqualTo("20261130112045007");
        assertThat(CebFormats.readTime("20270101003000")).isEqualTo(Instant.parse("2026-12-31T16:30:00Z"));
        assertThat(CebFormats.day(LocalDate.of(2026, 1, 5))).isEqualTo("20260105");
        assertThatThrownBy(() -> CebFormats.readTime("20261332000000")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_guid_is_36_upper_case_characters_and_lower_case_is_read_as_upper() {
        assertThat(CebFormats.isGuid("6F1C2B3A-0000-7000-8000-000000000311")).isTrue();
        assertThat(CebFormats.isGuid("6f1c2b3a-0000-7000-8000-000000000311")).isFalse();
        assertThat(CebFormats.isGuid("6F1C2B3A00007000800000000000031100AB")).isFalse();
        assertThat(CebFormats.readGuid(" 6f1c2b3a-0000-7000-8000-000000000311 "))
                .isEqualTo("6F1C2B3A-0000-7000-8000-000000000311");
        assertThatThrownBy(() -> CebFormats.readGuid("not-a-guid")).isInstanceOf(IllegalArgumentException.class);
    }
}
