package io.vitrine.orders.numbers;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * A return number: {@code R}, the request day in China as {@code yyMMdd}, nine random digits and a Luhn check digit
 * (17 characters, e.g. {@code R2612010482913057}); the form of {@link OrderNumber} with its own letter, so the two
 * are never mistaken for each other and a mistyped digit is caught before a lookup.
 */
public record ReturnNumber(String value) {

    public static final String PREFIX = "R";
    private static final Pattern FORM = Pattern.compile(PREFIX + "\\d{6}\\d{" + OrderNumber.RANDOM_DIGITS + "}\\d");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");

    public ReturnNumber {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a return number");
        }
    }

    static ReturnNumber of(LocalDate chinaDay, long random) {
        if (random < 0 || random >= 1_000_000_000L) {
            throw new IllegalArgumentException("the random part is nine digits");
        }
        String digits = DAY.format(chinaDay) + String.format("%09d", random);
        return new ReturnNumber(PREFIX + digits + OrderNumber.luhn(digits));
    }

    /** True for the form and a matching check digit. */
    public static boolean isValid(String text) {
        if (text == null || !FORM.matcher(text).matches()) {
            return false;
        }
        String digits = text.substring(PREFIX.length(), text.length() - 1);
        return text.charAt(text.length() - 1) == OrderNumber.luhn(digits);
    }

    @Override
    public String toString() {
        return value;
    }
}
