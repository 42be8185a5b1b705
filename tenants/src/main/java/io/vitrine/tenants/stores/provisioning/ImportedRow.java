package io.vitrine.tenants.stores.provisioning;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.error.FieldChecks;
import io.vitrine.kernel.tabular.TabularColumns;
import io.vitrine.kernel.tabular.TabularRow;
import io.vitrine.tenants.stores.StoreForm;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One data row of a store import file as read: the store as a form (checked afterwards by the store
 * rules), and how many kiosks and POS devices the store should have. A cell that is not the number it
 * should be is a field error in {@code checks}; the row then counts nothing.
 *
 * <p>Columns (tenants/README.md "Bulk store import"): {@code code, name, kind, address, district,
 * warehouseCode} are required; {@code lat, lng, kiosks, pos} may be left out (empty: no coordinates,
 * no devices).
 */
record ImportedRow(long rowNumber, StoreForm form, int kiosks, int pos) {

    static final TabularColumns COLUMNS = TabularColumns.of(
            List.of("code", "name", "kind", "address", "district", "warehouseCode"),
            List.of("lat", "lng", "kiosks", "pos"));
    static final int MAX_KIOSKS = 20;
    static final int MAX_POS = 5;

    private static final Pattern DECIMAL = Pattern.compile("[-+]?[0-9]{1,3}(\\.[0-9]{1,15})?");
    private static final Pattern COUNT = Pattern.compile("[0-9]{1,4}");

    static ImportedRow read(TabularRow row, FieldChecks checks) {
        StoreForm form = new StoreForm(row.get("code"), row.get("name"), row.get("kind"), row.get("address"),
                row.get("district"), decimal(checks, row, "lat"), decimal(checks, row, "lng"), row.get("warehouseCode"));
        int kiosks = count(checks, row, "kiosks", MAX_KIOSKS, "KIOSK_COUNT_RANGE");
        int pos = count(checks, row, "pos", MAX_POS, "POS_COUNT_RANGE");
        return new ImportedRow(row.rowNumber(), form, kiosks, pos);
    }

    @Nullable
    private static BigDecimal decimal(FieldChecks checks, TabularRow row, String column) {
        String text = row.get(column);
        if (text.isEmpty()) {
            return null;
        }
        if (!DECIMAL.matcher(text).matches()) {
            return checks.fail(column, "DECIMAL_FORM", "a decimal number such as 22.543096");
        }
        return new BigDecimal(text);
    }

    private static int count(FieldChecks checks, TabularRow row, String column, int max, String rangeRule) {
        String text = row.get(column);
        if (text.isEmpty()) {
            return 0;
        }
        if (!COUNT.matcher(text).matches()) {
            checks.fail(column, "COUNT_FORM", "a whole number from 0 to " + max);
            return 0;
        }
        int count = Integer.parseInt(text);
        if (count > max) {
            checks.fail(column, rangeRule, "from 0 to " + max);
            return 0;
        }
        return count;
    }
}
