package io.vitrine.tenants.stores;

import io.vitrine.kernel.error.FieldChecks;
import io.vitrine.kernel.error.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoreRulesTest {

    private final StoreRules rules = new StoreRules(Set.of("QH-01", "QH-02"));

    @Test
    void a_valid_form_gives_trimmed_details_with_coordinates_rounded_to_six_decimals() {
        FieldChecks checks = new FieldChecks();

        StoreDetails details = rules.details(checks, form(" Qianhai 1 ", "CONVENIENCE_STORE", "QH-01",
                new BigDecimal("22.5430964"), new BigDecimal("113.9")));

        assertThat(checks.hasErrors()).isFalse();
        assertThat(details.name()).isEqualTo("Qianhai 1");
        assertThat(details.lat()).isEqualByComparingTo("22.543096");
        assertThat(details.lng()).isEqualTo(new BigDecimal("113.900000"));
    }

    @Test
    void the_warehouse_must_be_one_of_the_parks() {
        assertThat(rulesBroken(form("Shop", "CONVENIENCE_STORE", "ELSEWHERE", null, null)))
                .containsExactly("warehouseCode:UNKNOWN_WAREHOUSE");
    }

    @Test
    void every_broken_field_is_named_with_its_rule() {
        assertThat(rulesBroken(new StoreForm("bad code!", "", "SUPERMARKET", "addr", "44030", new BigDecimal("91"), null, "QH-01")))
                .containsExactly("code:STORE_CODE_FORM", "name:REQUIRED", "kind:NOT_ONE_OF", "district:DISTRICT_CODE_FORM",
                        "lng:COORDINATES_PAIR", "lat:LATITUDE_RANGE");
    }

    @Test
    void the_district_must_be_a_real_district_of_the_division_dataset() {
        for (String code : List.of("999999", "440399", "440000", "440300")) {
            assertThat(rulesBroken(new StoreForm("S1", "Shop", "CONVENIENCE_STORE", "1 Qianhai Rd", code, null, null, "QH-01")))
                    .as(code).containsExactly("district:UNKNOWN_DISTRICT");
        }
        FieldChecks checks = new FieldChecks();
        StoreDetails xiaodian = rules.details(checks,
                new StoreForm("S1", "Shop", "EXPERIENCE_STORE", "长风街 1 号", " 140105 ", null, null, "QH-01"));
        assertThat(checks.hasErrors()).isFalse();
        assertThat(xiaodian.districtCode()).isEqualTo("140105");
    }

    @Test
    void details_equal_by_value_are_the_same_store() {
        StoreDetails details = rules.details(new FieldChecks(), form("Shop", "EXPERIENCE_STORE", "QH-02",
                new BigDecimal("22.5"), new BigDecimal("113.9")));
        Store stored = new Store("id", "t", "S1", "Shop", StoreKind.EXPERIENCE_STORE, "1 Qianhai Rd", "440305",
                new BigDecimal("22.500000"), new BigDecimal("113.900000"), "QH-02", null, null);

        assertThat(details.sameAs(stored)).isTrue();
        assertThat(details.sameAs(new Store("id", "t", "S1", "Shop", StoreKind.EXPERIENCE_STORE, "1 Qianhai Rd", "440305",
                new BigDecimal("22.500001"), new BigDecimal("113.900000"), "QH-02", null, null))).isFalse();
    }

    private List<String> rulesBroken(StoreForm form) {
        FieldChecks checks = new FieldChecks();
        rules.code(checks, form.code());
        assertThat(rules.details(checks, form)).isNull();
        try {
            checks.throwIfAny();
        } catch (InvalidInputException e) {
            return e.errors().stream().map(error -> error.field() + ":" + error.rule()).toList();
        }
        throw new AssertionError("no rule broken");
    }

    private static StoreForm form(String name, String kind, String warehouse, BigDecimal lat, BigDecimal lng) {
        return new StoreForm("S1", name, kind, "1 Qianhai Rd", "440305", lat, lng, warehouse);
    }

    @Test
    void a_code_is_letters_digits_dash_and_underscore() {
        FieldChecks checks = new FieldChecks();
        assertThat(rules.code(checks, "QH_01-a")).isEqualTo("QH_01-a");
        assertThatThrownBy(() -> {
            FieldChecks bad = new FieldChecks();
            rules.code(bad, "-QH");
            bad.throwIfAny();
        }).isInstanceOf(InvalidInputException.class);
    }
}
