package io.vitrine.kernel.codes;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CustomsCodesTest {

    @ParameterizedTest
    @ValueSource(strings = {"3120960001", "44039609JB", "1105W6000A"})
    void a_customs_registration_code_is_ten_letters_or_digits(String value) {
        assertThat(CustomsRegistrationCode.parse(value).value()).isEqualTo(value);
        assertThat(CustomsRegistrationCode.parse(value).area()).isEqualTo(value.substring(0, 4));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "312096000", "31209600011", "3120-96000", "3120 96000"})
    void other_customs_registration_codes_are_refused(String value) {
        assertThatThrownBy(() -> CustomsRegistrationCode.parse(value))
                .isInstanceOfSatisfying(InvalidCodeException.class,
                        e -> assertThat(e.rule()).isEqualTo("CUSTOMS_CODE_FORM"));
        assertThat(CustomsRegistrationCode.isValid(value)).isFalse();
    }

    @Test
    void enterprise_code_fields_accept_a_customs_code_or_a_uscc() {
        assertThat(EnterpriseCode.parse("3120960001").isUnifiedSocialCreditCode()).isFalse();
        assertThat(EnterpriseCode.parse("91350100m000100y43").value()).isEqualTo("91350100M000100Y43");
        assertThat(EnterpriseCode.parse("91350100M000100Y43").isUnifiedSocialCreditCode()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "91350100M000100Y44", "31209600012", "312096000"})
    void enterprise_code_refuses_anything_else(String value) {
        assertThatThrownBy(() -> EnterpriseCode.parse(value))
                .isInstanceOfSatisfying(InvalidCodeException.class,
                        e -> assertThat(e.rule()).isEqualTo("ENTERPRISE_CODE_FORM"));
        assertThat(EnterpriseCode.isValid(value)).isFalse();
    }

    @Test
    void an_hs_code_is_exactly_ten_digits() {
        assertThat(HsCode.parse(" 3304990099 ").value()).isEqualTo("3304990099");
        assertThat(HsCode.parse("3304990099").chapter()).isEqualTo("33");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "330499009", "33049900991", "3304.9900.99", "33049900A9", "330499"})
    void other_hs_codes_are_refused(String value) {
        assertThatThrownBy(() -> HsCode.parse(value))
                .isInstanceOfSatisfying(InvalidCodeException.class, e -> assertThat(e.rule()).isEqualTo("HS_CODE_FORM"));
        assertThat(HsCode.isValid(value)).isFalse();
    }
}
