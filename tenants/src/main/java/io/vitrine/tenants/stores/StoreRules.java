package io.vitrine.tenants.stores;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.codes.DistrictCode;
import io.vitrine.kernel.error.FieldChecks;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What makes a store valid (api.md "Tenants and onboarding"), in one place for the API's create and
 * update and for the bulk import: the fields' forms, the district being a real GB/T 2260 district
 * ({@link DistrictCode}, from the kernel's division dataset), and the warehouse being a bonded
 * warehouse of the merchant's park. Made for the current tenant by {@link Stores#rules()}, which reads
 * the park's warehouse codes once, so an import of thousands of rows asks the database once, not per row.
 */
public final class StoreRules {

    /** Store codes: letters, digits, '-' and '_' (they appear in kiosk URLs and CSV imports). */
    public static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,31}");
    private static final BigDecimal MAX_LAT = BigDecimal.valueOf(90);
    private static final BigDecimal MAX_LNG = BigDecimal.valueOf(180);
    /** The columns keep 6 decimals (about 0.1 m); rounding here keeps both databases and comparisons alike. */
    private static final int COORDINATE_SCALE = 6;

    private final Set<String> parkWarehouseCodes;

    StoreRules(Set<String> parkWarehouseCodes) {
        this.parkWarehouseCodes = Set.copyOf(parkWarehouseCodes);
    }

    /** A new store's code; {@code null} when it broke a rule (recorded in {@code checks}). */
    @Nullable
    public String code(FieldChecks checks, @Nullable String raw) {
        return checks.matching("code", raw, CODE, "STORE_CODE_FORM", "1-32 letters, digits, '-' or '_'");
    }

    /** Everything of a store but its code; {@code null} when a field broke a rule (recorded in {@code checks}). */
    @Nullable
    public StoreDetails details(FieldChecks checks, StoreForm form) {
        String name = checks.text("name", form.name(), 200);
        StoreKind kind = checks.oneOf("kind", form.kind(), StoreKind.class);
        String address = checks.text("address", form.address(), 500);
        DistrictCode district = checks.parse("district", form.district(), DistrictCode::parse);
        boolean valid = name != null && kind != null && address != null && district != null;
        if ((form.lat() == null) != (form.lng() == null)) {
            valid = fail(checks, form.lat() == null ? "lat" : "lng", "COORDINATES_PAIR", "give both lat and lng, or neither");
        }
        if (form.lat() != null && form.lat().abs().compareTo(MAX_LAT) > 0) {
            valid = fail(checks, "lat", "LATITUDE_RANGE", "between -90 and 90");
        }
        if (form.lng() != null && form.lng().abs().compareTo(MAX_LNG) > 0) {
            valid = fail(checks, "lng", "LONGITUDE_RANGE", "between -180 and 180");
        }
        String warehouseCode = checks.text("warehouseCode", form.warehouseCode(), 32);
        if (warehouseCode == null) {
            valid = false;
        } else if (!parkWarehouseCodes.contains(warehouseCode)) {
            valid = fail(checks, "warehouseCode", "UNKNOWN_WAREHOUSE", "not a bonded warehouse of your park");
        }
        return valid ? new StoreDetails(name, kind, address, district.value(), rounded(form.lat()), rounded(form.lng()), warehouseCode)
                : null;
    }

    private static boolean fail(FieldChecks checks, String field, String rule, String message) {
        checks.fail(field, rule, message);
        return false;
    }

    @Nullable
    private static BigDecimal rounded(@Nullable BigDecimal coordinate) {
        return coordinate == null ? null : coordinate.setScale(COORDINATE_SCALE, RoundingMode.HALF_UP);
    }
}
