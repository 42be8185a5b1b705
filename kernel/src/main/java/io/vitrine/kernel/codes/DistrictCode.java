package io.vitrine.kernel.codes;

import java.util.regex.Pattern;

/**
 * A county-level administrative division code (GB/T 2260, 6 digits, e.g. 140105 太原市小店区) that
 * names a real district in {@link AdministrativeDivisions}: store locations and consignee addresses
 * (CEB311 consigneeDitrict) carry one. Province and city codes (140000, 140100) are not districts.
 */
public record DistrictCode(String value) {

    private static final Pattern FORM = Pattern.compile("[1-9]\\d{5}");

    public DistrictCode {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new InvalidCodeException("district", "DISTRICT_CODE_FORM", "a GB/T 2260 division code: 6 digits");
        }
        if (!AdministrativeDivisions.isDistrict(value)) {
            throw new InvalidCodeException("district", "UNKNOWN_DISTRICT",
                    "not a county-level division (district) in the GB/T 2260 dataset");
        }
    }

    public static DistrictCode parse(String raw) {
        return new DistrictCode(CodeText.normalise(raw));
    }

    public static boolean isValid(String raw) {
        return CodeText.parses(raw, DistrictCode::parse);
    }

    /** The district with its province and (when it has one) city names. */
    public AdministrativeDivisions.Division division() {
        return AdministrativeDivisions.find(value).orElseThrow();
    }

    @Override
    public String toString() {
        return value;
    }
}
