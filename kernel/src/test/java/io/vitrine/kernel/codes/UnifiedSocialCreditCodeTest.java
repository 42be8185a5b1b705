package io.vitrine.kernel.codes;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UnifiedSocialCreditCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "91350100M000100Y43", // domain.md
            // computed independently (Python, GB 32100 formula); X and L are legal check characters
            "91110108MA01ABCDEN", "12100000400000123X", "Y1440300MA5F00001L", "91310000717854505W"})
    void accepts_valid_codes(String value) {
        assertThat(UnifiedSocialCreditCode.isValid(value)).isTrue();
        assertThat(UnifiedSocialCreditCode.parse(value).value()).isEqualTo(value);
    }

    @Test
    void weights_are_powers_of_three_mod_31() {
        // the table in domain.md, checked against its definition
        int[] expected = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
        for (int i = 0; i < expected.length; i++) {
            assertThat(BigInteger.valueOf(3).modPow(BigInteger.valueOf(i),
                    BigInteger.valueOf(31)).intValue()).isEqualTo(expected[i]);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y44", "91350100M000100Y4A", "12100000400000123Y"})
    void rejects_a_wrong_check_character(String value) {
        assertRule(value, "USCC_CHECK_CHARACTER");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "91350100M000100Y4", "91350100M000100Y433",
            "91350100I000100Y43", "91350100O000100Y43", "91350100S000100Y43", "91350100V000100Y43",
            "91350100Z000100Y43", "91350100M000100Y4-"})
    void rejects_wrong_length_and_letters_outside_the_alphabet(String value) {
        assertRule(value, "USCC_FORM");
    }

    @Test
    void parse_trims_and_upper_cases() {
        assertThat(UnifiedSocialCreditCode.parse(" 91350100m000100y43 ").value()).isEqualTo("91350100M000100Y43");
    }

    private static void assertRule(String value, String rule) {
        assertThatThrownBy(() -> UnifiedSocialCreditCode.parse(value))
                .isInstanceOfSatisfying(InvalidCodeException.class, e -> assertThat(e.rule()).isEqualTo(rule));
        assertThat(UnifiedSocialCreditCode.isValid(value)).isFalse();
    }
}
