package io.vitrine.kernel.codes;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GtinTest {

    @ParameterizedTest
    @CsvSource({
            // hand-computed: 7*3 + 0*1 + 5*3 + 8*1 + 3*3 + 6*1 + 9*3 = 86 -> check 4
            "96385074, EAN_8",
            "73513537, EAN_8",
            "036000291452, UPC_A",
            "4006381333931, EAN_13",
            "5901234123457, EAN_13",
            "6901234567892, EAN_13", // 690-699: GS1 China prefix
            "6920152400012, EAN_13"})
    void accepts_valid_barcodes_of_each_length(String value, Gtin.Format format) {
        assertThat(Gtin.isValid(value)).isTrue();
        assertThat(Gtin.parse(value).format()).isEqualTo(format);
    }

    @ParameterizedTest
    @ValueSource(strings = {"96385075", "036000291453", "4006381333932", "6901234567890", "690123456789"})
    void rejects_a_wrong_check_digit(String value) {
        assertRule(value, "GTIN_CHECK_DIGIT");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1234567", "12345678901", "69012345678921", "6901234567A92", "0036000291452 1"})
    void rejects_other_lengths_and_non_digits(String value) {
        assertRule(value, "GTIN_FORM");
    }

    private static void assertRule(String value, String rule) {
        assertThatThrownBy(() -> Gtin.parse(value))
                .isInstanceOfSatisfying(InvalidCodeException.class, e -> assertThat(e.rule()).isEqualTo(rule));
        assertThat(Gtin.isValid(value)).isFalse();
    }
}
