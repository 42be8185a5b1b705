package io.vitrine.kernel.codes;

import io.vitrine.kernel.codes.AdministrativeDivisions.Division;
import io.vitrine.kernel.codes.AdministrativeDivisions.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdministrativeDivisionsTest {

    @Test
    void taiyuan_xiaodian_is_a_district_of_shanxi() {
        assertThat(AdministrativeDivisions.find("140105"))
                .contains(new Division("140105", "小店区", "山西省", "太原市", Level.DISTRICT));
        assertThat(AdministrativeDivisions.isDistrict("140105")).isTrue();
    }

    @Test
    void shenzhen_nanshan_is_a_district_of_guangdong() {
        assertThat(DistrictCode.parse(" 440305 ").division())
                .isEqualTo(new Division("440305", "南山区", "广东省", "深圳市", Level.DISTRICT));
    }

    @Test
    void a_municipality_district_has_no_city() {
        assertThat(AdministrativeDivisions.find("110101"))
                .contains(new Division("110101", "东城区", "北京市", null, Level.DISTRICT));
        assertThat(AdministrativeDivisions.find("110100")).isEmpty();
    }

    @Test
    void provinces_and_cities_are_divisions_but_not_districts() {
        assertThat(AdministrativeDivisions.find("140000"))
                .contains(new Division("140000", "山西省", "山西省", null, Level.PROVINCE));
        assertThat(AdministrativeDivisions.find("140100"))
                .contains(new Division("140100", "太原市", "山西省", "太原市", Level.CITY));
        assertThat(AdministrativeDivisions.isDistrict("140000")).isFalse();
        assertThat(AdministrativeDivisions.isDistrict("140100")).isFalse();
    }

    @Test
    void a_city_without_districts_is_its_own_district() {
        assertThat(AdministrativeDivisions.find("441900"))
                .contains(new Division("441900", "东莞市", "广东省", "东莞市", Level.DISTRICT));
    }

    @Test
    void the_dataset_holds_every_province_and_a_plausible_number_of_districts() {
        assertThat(AdministrativeDivisions.count(Level.PROVINCE)).isEqualTo(31);
        assertThat(AdministrativeDivisions.count(Level.CITY)).isBetween(320L, 345L);
        assertThat(AdministrativeDivisions.count(Level.DISTRICT)).isBetween(2800L, 3300L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"999999", "140199", "140000", "140100", "110100"})
    void unknown_districts_and_higher_levels_are_refused(String value) {
        assertThat(AdministrativeDivisions.isDistrict(value)).isFalse();
        assertThatThrownBy(() -> DistrictCode.parse(value))
                .isInstanceOfSatisfying(InvalidCodeException.class, e -> {
                    assertThat(e.rule()).isEqualTo("UNKNOWN_DISTRICT");
                    assertThat(e.errors().get(0).field()).isEqualTo("district");
                    assertThat(e.getMessage()).doesNotContain(value);
                });
        assertThat(DistrictCode.isValid(value)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "14010", "1401050", "14010A", "040105", "140 105", "小店区"})
    void wrong_forms_are_refused(String value) {
        assertThatThrownBy(() -> DistrictCode.parse(value))
                .isInstanceOfSatisfying(InvalidCodeException.class, e -> assertThat(e.rule()).isEqualTo("DISTRICT_CODE_FORM"));
        assertThat(DistrictCode.isValid(value)).isFalse();
        assertThat(AdministrativeDivisions.find(value)).isEmpty();
    }

    @Test
    void a_null_code_is_found_nowhere() {
        assertThat(AdministrativeDivisions.find(null)).isEmpty();
        assertThatThrownBy(() -> DistrictCode.parse(null))
                .isInstanceOfSatisfying(InvalidCodeException.class, e -> assertThat(e.rule()).isEqualTo("DISTRICT_CODE_FORM"));
    }
}
