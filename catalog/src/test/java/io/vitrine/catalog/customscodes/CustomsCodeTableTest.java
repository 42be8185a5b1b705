package io.vitrine.catalog.customscodes;

import io.vitrine.kernel.error.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shipped customs tables answer domain.md's examples and refuse codes customs does not have. */
class CustomsCodeTableTest {

    @Test
    void countries_are_the_customs_three_digit_codes() {
        assertThat(CustomsCodeTable.COUNTRIES.nameZh("116")).hasValue("日本");
        assertThat(CustomsCodeTable.COUNTRIES.nameZh("133")).hasValue("韩国");
        assertThat(CustomsCodeTable.COUNTRIES.nameZh("502")).hasValue("美国");
        assertThat(CustomsCodeTable.COUNTRIES.nameZh("304")).hasValue("德国");
        assertThat(CustomsCodeTable.COUNTRIES.nameZh("601")).hasValue("澳大利亚");
        assertThat(CustomsCodeTable.COUNTRIES.nameZh("142")).hasValue("中国");
        assertThat(CustomsCodeTable.COUNTRIES.size()).isGreaterThan(230);
    }

    @Test
    void units_are_the_customs_unit_codes() {
        assertThat(CustomsCodeTable.UNITS.nameZh("007")).hasValue("个");
        assertThat(CustomsCodeTable.UNITS.nameZh("035")).hasValue("千克");
        assertThat(CustomsCodeTable.UNITS.nameZh("122")).hasValue("罐");
    }

    @Test
    void a_code_of_the_right_form_that_the_table_lacks_is_refused_with_its_own_rule() {
        assertThat(CustomsCodeTable.COUNTRIES.require(" 601 ")).isEqualTo("601");
        assertThatThrownBy(() -> CustomsCodeTable.COUNTRIES.require("100")) // the Asia heading, not a country
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).rule()).isEqualTo("COUNTRY_CODE_UNKNOWN"));
        assertThatThrownBy(() -> CustomsCodeTable.COUNTRIES.require("JPN"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).rule()).isEqualTo("COUNTRY_CODE_FORM"));
        assertThatThrownBy(() -> CustomsCodeTable.UNITS.require("024"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).rule()).isEqualTo("UNIT_CODE_UNKNOWN"));
    }
}
