package io.vitrine.kernel.codes;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ResidentIdNumberTest {

    private static final Clock JUNE_2025 = Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);

    @ParameterizedTest
    @ValueSource(strings = {
            "11010519491231002X", "120103198806018241", // domain.md
            // hand-computed: 4*7+4*9+0+3*5+0+4*4+2*2+0+0+0+0+2*9+2*10+9*5+1*8+2*4+3*2 = 204, 204 mod 11 = 6 -> '6'
            "440304200002291236", // 29 Feb 2000 is a real date (2000 is a leap year)
            "140105198506121235", "440304202312310016"})
    void accepts_valid_numbers(String value) {
        assertThat(ResidentIdNumber.isValid(value)).isTrue();
        assertThat(ResidentIdNumber.parse(value, JUNE_2025).value()).isEqualTo(value);
    }

    @Test
    void rejects_the_domain_vector_with_a_wrong_check_character() {
        assertThatThrownBy(() -> ResidentIdNumber.parse("360426199101010072"))
                .isInstanceOfSatisfying(InvalidCodeException.class,
                        e -> assertThat(e.rule()).isEqualTo("RESIDENT_ID_CHECK_CHARACTER"));
        assertThat(ResidentIdNumber.isValid("360426199101010072")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "11010519491231002", "11010519491231002XX", "1101051949123100AX",
            "01010519491231002X", "11010519491231002Y"})
    void rejects_anything_but_17_digits_and_a_check_character(String value) {
        assertRule(value, "RESIDENT_ID_FORM");
    }

    @Test
    void rejects_null() {
        assertRule(null, "RESIDENT_ID_FORM");
    }

    @ParameterizedTest
    // each with a correct check character, so only the date is wrong
    @ValueSource(strings = {
            "44030419000229123X", // 1900 is not a leap year
            "140105199002304569", // 30 February
            "140105199013014567", // month 13
            "140105189001014560"}) // before 1900
    void rejects_birth_dates_that_do_not_exist(String value) {
        assertRule(value, "RESIDENT_ID_BIRTH_DATE");
    }

    @Test
    void rejects_a_birth_date_after_today_in_china() {
        assertThatThrownBy(() -> ResidentIdNumber.parse("440304209901011235", JUNE_2025))
                .isInstanceOfSatisfying(InvalidCodeException.class,
                        e -> assertThat(e.rule()).isEqualTo("RESIDENT_ID_BIRTH_DATE_IN_FUTURE"));
    }

    @Test
    void a_birth_date_that_is_today_in_china_but_tomorrow_in_utc_is_accepted() {
        // 2023-12-31T16:30Z is 2024-01-01 00:30 in China
        Clock chinaNewYear = Clock.fixed(Instant.parse("2023-12-31T16:30:00Z"), ZoneOffset.UTC);
        // 440304 20240101 123 + check
        String bornNewYear = "44030420240101123" + ResidentIdNumber.checkCharacter("44030420240101123");
        assertThat(ResidentIdNumber.parse(bornNewYear, chinaNewYear).birthDate()).isEqualTo(LocalDate.of(2024, 1, 1));
    }

    @Test
    void parse_trims_and_upper_cases_a_trailing_x() {
        assertThat(ResidentIdNumber.parse(" 11010519491231002x ").value()).isEqualTo("11010519491231002X");
    }

    @Test
    void exposes_birth_date_gender_digit_and_division() {
        ResidentIdNumber id = ResidentIdNumber.parse("120103198806018241");
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1988, 6, 1));
        assertThat(id.genderDigit()).isEqualTo(4); // even: female
        assertThat(id.divisionCode()).isEqualTo("120103");
        assertThat(ResidentIdNumber.parse("11010519491231002X").genderDigit()).isEqualTo(2);
    }

    @Test
    void to_string_and_messages_never_show_the_whole_number() {
        assertThat(ResidentIdNumber.parse("11010519491231002X")).hasToString("1101**********002X");
        assertThatThrownBy(() -> ResidentIdNumber.parse("360426199101010072"))
                .hasMessageNotContaining("360426199101010072")
                .hasMessageContaining("residentIdNumber");
    }

    @Test
    void the_field_can_be_renamed_for_the_request() {
        InvalidCodeException e = assertThrows(InvalidCodeException.class,
                () -> ResidentIdNumber.parse("360426199101010072"));
        assertThat(e.atField("buyer.idNumber").errors()).singleElement()
                .satisfies(error -> assertThat(error.field()).isEqualTo("buyer.idNumber"));
        assertThat(e.atField("buyer.idNumber").rule()).isEqualTo("RESIDENT_ID_CHECK_CHARACTER");
    }

    private static void assertRule(String value, String rule) {
        assertThatThrownBy(() -> ResidentIdNumber.parse(value, JUNE_2025))
                .isInstanceOfSatisfying(InvalidCodeException.class, e -> assertThat(e.rule()).isEqualTo(rule));
        assertThat(ResidentIdNumber.isValid(value)).isFalse();
    }
}
