package io.vitrine.api.console.retailer;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.vitrine.kernel.error.FieldChecks;
import io.vitrine.tenants.stores.Store;
import io.vitrine.tenants.stores.StoreForm;

import java.math.BigDecimal;

/** The store form's fields as typed (text, coordinates included), shown again when the form is refused. */
@Serdeable
public record StoreFields(@Nullable String code, @Nullable String name, @Nullable String kind, @Nullable String address,
                          @Nullable String district, @Nullable String lat, @Nullable String lng,
                          @Nullable String warehouseCode) {

    static StoreFields of(Store s) {
        return new StoreFields(s.code(), s.name(), s.kind().name(), s.address(), s.districtCode(),
                s.lat() == null ? null : s.lat().toPlainString(), s.lng() == null ? null : s.lng().toPlainString(),
                s.warehouseCode());
    }

    /**
     * The domain's form; coordinates that are not numbers are refused here (InvalidInputException), the
     * only check the page makes itself: every other rule is the Stores service's.
     */
    StoreForm toForm(@Nullable String fixedCode) {
        FieldChecks checks = new FieldChecks();
        BigDecimal latitude = decimal(checks, "lat", lat);
        BigDecimal longitude = decimal(checks, "lng", lng);
        checks.throwIfAny();
        return new StoreForm(fixedCode == null ? code : fixedCode, name, kind, address, district, latitude, longitude,
                warehouseCode);
    }

    @Nullable
    private static BigDecimal decimal(FieldChecks checks, String field, @Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException notANumber) {
            return checks.fail(field, "DECIMAL_FORM", "a decimal number, e.g. 22.5431");
        }
    }
}
