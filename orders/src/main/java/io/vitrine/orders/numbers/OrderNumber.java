package io.vitrine.orders.numbers;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * An order number: {@code V}, the order day in China as {@code yyMMdd}, nine random digits and a Luhn check digit,
 * e.g. {@code V261130482913057} + check = 17 characters. Readable over the phone and typed into the order lookup; the
 * check digit catches a mistyped or swapped digit before a lookup is spent; the random part says nothing about how
 * many orders a store takes (a sequence would). Fits Alipay's {@code out_trade_no} (≤ 64) and CEB311 {@code orderNo}
 * (≤ 60), and kernel {@code BusinessKeys}' key form.
 */
public record OrderNumber(String value) {

    public static final String PREFIX = "V";
    static final int RANDOM_DIGITS = 9;
    private static final Pattern FORM = Pattern.compile(PREFIX + "\\d{6}\\d{" + RANDOM_DIGITS + "}\\d");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");

    public OrderNumber {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not an order number");
        }
    }

    /** The number of the day and random part, with its check digit appended. */
    static OrderNumber of(LocalDate chinaDay, long random) {
        if (random < 0 || random >= 1_000_000_000L) {
            throw new IllegalArgumentException("the random part is nine digits");
        }
        String digits = DAY.format(chinaDay) + String.format("%09d", random);
        return new OrderNumber(PREFIX + digits + luhn(digits));
    }

    /** True for the form and a matching check digit (a mistyped digit or two swapped neighbours fail). */
    public static boolean isValid(String text) {
        if (text == null || !FORM.matcher(text).matches()) {
            return false;
        }
        String digits = text.substring(PREFIX.length(), text.length() - 1);
        return text.charAt(text.length() - 1) == luhn(digits);
    }

    /** The Luhn (ISO/IEC 7812) check digit of the digits. */
    static char luhn(String digits) {
        int sum = 0;
        boolean twice = true; // the rightmost digit of the payload is doubled, the check digit goes after it
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }

    @Override
    public String toString() {
        return value;
    }
}
