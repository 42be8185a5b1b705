package io.vitrine.tenants.stores.provisioning;

import io.vitrine.kernel.error.FieldChecks;
import io.vitrine.kernel.error.InvalidInputException;
import io.vitrine.kernel.tabular.TabularRow;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ImportedRowTest {

    @Test
    void a_full_row_becomes_a_store_form_and_device_counts() {
        FieldChecks checks = new FieldChecks();

        ImportedRow row = ImportedRow.read(row(Map.of("lat", "22.543096", "lng", "-113.934021", "kiosks", "20", "pos", "5")), checks);

        assertThat(checks.hasErrors()).isFalse();
        assertThat(row.rowNumber()).isEqualTo(7);
        assertThat(row.form().code()).isEqualTo("S1");
        assertThat(row.form().lat()).isEqualByComparingTo(new BigDecimal("22.543096"));
        assertThat(row.form().lng()).isEqualByComparingTo(new BigDecimal("-113.934021"));
        assertThat(row.kiosks()).isEqualTo(20);
        assertThat(row.pos()).isEqualTo(5);
    }

    @Test
    void empty_optional_cells_mean_no_coordinates_and_no_devices() {
        FieldChecks checks = new FieldChecks();

        ImportedRow row = ImportedRow.read(row(Map.of()), checks);

        assertThat(checks.hasErrors()).isFalse();
        assertThat(row.form().lat()).isNull();
        assertThat(row.kiosks()).isZero();
        assertThat(row.pos()).isZero();
    }

    @Test
    void numbers_that_are_not_numbers_or_out_of_range_are_field_errors() {
        FieldChecks checks = new FieldChecks();

        ImportedRow.read(row(Map.of("lat", "north", "lng", "1e3", "kiosks", "21", "pos", "two")), checks);

        assertThat(rules(checks)).containsExactly("lat:DECIMAL_FORM", "lng:DECIMAL_FORM", "kiosks:KIOSK_COUNT_RANGE",
                "pos:COUNT_FORM");
    }

    @Test
    void more_than_five_pos_is_out_of_range() {
        FieldChecks checks = new FieldChecks();

        ImportedRow.read(row(Map.of("pos", "6")), checks);

        assertThat(rules(checks)).containsExactly("pos:POS_COUNT_RANGE");
    }

    @Test
    void the_columns_are_the_store_fields_with_coordinates_and_counts_optional() {
        assertThat(ImportedRow.COLUMNS.required()).containsExactly("code", "name", "kind", "address", "district", "warehouseCode");
        assertThat(ImportedRow.COLUMNS.optional()).containsExactly("lat", "lng", "kiosks", "pos");
    }

    private static TabularRow row(Map<String, String> extra) {
        Map<String, String> values = new HashMap<>(Map.of("code", "S1", "name", "Shop", "kind", "CONVENIENCE_STORE",
                "address", "1 Qianhai Rd", "district", "440305", "warehouseCode", "QH-01"));
        values.putAll(extra);
        return new TabularRow(7, values);
    }

    private static List<String> rules(FieldChecks checks) {
        try {
            checks.throwIfAny();
            return List.of();
        } catch (InvalidInputException e) {
            return e.errors().stream().map(error -> error.field() + ":" + error.rule()).toList();
        }
    }
}
