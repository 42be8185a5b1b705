package io.vitrine.kernel.codes;

import java.util.regex.Pattern;

/**
 * An enterprise's customs registration code (海关注册编码): 10 letters or digits; positions 1-4 the
 * area, 5 the zone type, 6 the enterprise type, 7-10 a sequence. It has no check character. Message
 * fields that name an enterprise accept a USCC instead: see {@link EnterpriseCode}.
 */
public record CustomsRegistrationCode(String value) {

    private static final Pattern FORM = Pattern.compile("[0-9A-Z]{10}");

    public CustomsRegistrationCode {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new InvalidCodeException("customsRegistrationCode", "CUSTOMS_CODE_FORM",
                    "a customs registration code is 10 letters or digits");
        }
    }

    public static CustomsRegistrationCode parse(String raw) {
        return new CustomsRegistrationCode(CodeText.normalise(raw));
    }

    public static boolean isValid(String raw) {
        return CodeText.parses(raw, CustomsRegistrationCode::parse);
    }

    public String area() {
        return value.substring(0, 4);
    }

    @Override
    public String toString() {
        return value;
    }
}
