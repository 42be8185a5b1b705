package io.vitrine.kernel.codes;

import java.util.regex.Pattern;

/**
 * A product barcode number: EAN-8, UPC-A (12 digits) or EAN-13. The last digit is the GS1 mod-10
 * check digit: from the rightmost data digit leftwards, weights 3, 1, 3, 1...; the check digit makes
 * the weighted sum a multiple of 10.
 */
public record Gtin(String value) {

    public enum Format { EAN_8, UPC_A, EAN_13 }

    private static final Pattern FORM = Pattern.compile("\\d{8}|\\d{12}|\\d{13}");

    public Gtin {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new InvalidCodeException("gtin", "GTIN_FORM", "a GTIN is 8, 12 or 13 digits");
        }
        if (value.charAt(value.length() - 1) - '0' != checkDigit(value)) {
            throw new InvalidCodeException("gtin", "GTIN_CHECK_DIGIT", "the GTIN's check digit does not match");
        }
    }

    public static Gtin parse(String raw) {
        return new Gtin(CodeText.normalise(raw));
    }

    public static boolean isValid(String raw) {
        return CodeText.parses(raw, Gtin::parse);
    }

    public Format format() {
        return switch (value.length()) {
            case 8 -> Format.EAN_8;
            case 12 -> Format.UPC_A;
            default -> Format.EAN_13;
        };
    }

    static int checkDigit(String value) {
        int sum = 0;
        int weight = 3;
        for (int i = value.length() - 2; i >= 0; i--) {
            sum += (value.charAt(i) - '0') * weight;
            weight = 4 - weight;
        }
        return (10 - sum % 10) % 10;
    }

    @Override
    public String toString() {
        return value;
    }
}
