package io.vitrine.kernel.codes;

import java.util.regex.Pattern;

/**
 * A Chinese HS commodity code (商品编码, the customs gcode): exactly 10 digits, the 6-digit
 * international HS subheading followed by China's 4 digits. The positive list is keyed by it.
 */
public record HsCode(String value) {

    private static final Pattern FORM = Pattern.compile("\\d{10}");

    public HsCode {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new InvalidCodeException("hsCode", "HS_CODE_FORM", "an HS code is exactly 10 digits");
        }
    }

    /** Trims; dots that people write between groups (e.g. 3304.9900.99) are not accepted. */
    public static HsCode parse(String raw) {
        return new HsCode(CodeText.normalise(raw));
    }

    public static boolean isValid(String raw) {
        return CodeText.parses(raw, HsCode::parse);
    }

    /** The first two digits, the HS chapter (e.g. 33 for cosmetics). */
    public String chapter() {
        return value.substring(0, 2);
    }

    @Override
    public String toString() {
        return value;
    }
}
