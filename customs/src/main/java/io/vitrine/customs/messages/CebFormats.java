package io.vitrine.customs.messages;

import io.vitrine.kernel.money.Money;
import io.vitrine.kernel.time.ChinaTime;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How values are written in the messages (domain.md "Customs message standard (CEB)"): times in China time
 * ({@code appTime} yyyyMMddHHmmss, {@code declTime} yyyyMMdd), amounts and quantities as plain decimals that fit
 * decimal(19,5), the guid as 36 upper-case characters. Reading is lenient where the wild is: a lower-case guid,
 * {@code returnTime} with or without milliseconds, amounts with trailing zeros ({@code 12.34000}).
 */
public final class CebFormats {

    /** The namespace of every CEB message; written with the {@code ceb} prefix, read whatever the prefix. */
    public static final String NAMESPACE = "http://www.chinaport.gov.cn/ceb";
    public static final String PREFIX = "ceb";
    public static final String VERSION = "1.0";
    /** Currency code 142: renminbi, the only currency our messages carry. */
    public static final String CNY = "142";
    /** Scale of decimal(19,5): quantities, weights and amounts have at most five decimals. */
    public static final int DECIMALS = 5;

    static final Pattern GUID = Pattern.compile("[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}");
    static final Pattern DECIMAL_19_5 = Pattern.compile("-?\\d{1,14}(\\.\\d{1,5})?");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuuMMddHHmmss", Locale.ROOT);
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuuMMddHHmmssSSS", Locale.ROOT);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuuMMdd", Locale.ROOT);

    private CebFormats() {
    }

    /** {@code appTime}, {@code payTime}: yyyyMMddHHmmss in China time. */
    public static String time(Instant instant) {
        return SECONDS.format(instant.atZone(ChinaTime.ZONE));
    }

    /** {@code returnTime} as customs writes it: yyyyMMddHHmmssSSS in China time. */
    public static String receiptTime(Instant instant) {
        return MILLIS.format(instant.atZone(ChinaTime.ZONE));
    }

    /** Reads yyyyMMddHHmmss, or yyyyMMddHHmmssSSS as receipts often carry, in China time. */
    public static Instant readTime(String text) {
        String value = text.strip();
        DateTimeFormatter format = switch (value.length()) {
            case 14 -> SECONDS;
            case 17 -> MILLIS;
            default -> throw new IllegalArgumentException("a time is yyyyMMddHHmmss or yyyyMMddHHmmssSSS");
        };
        try {
            return LocalDateTime.parse(value, format).atZone(ChinaTime.ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("a time is yyyyMMddHHmmss or yyyyMMddHHmmssSSS", e);
        }
    }

    /** {@code declTime}, {@code ieDate}: yyyyMMdd, a China day. */
    public static String day(LocalDate day) {
        return DAY.format(day);
    }

    public static LocalDate readDay(String text) {
        try {
            return LocalDate.parse(text.strip(), DAY);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("a day is yyyyMMdd", e);
        }
    }

    /** An amount in yuan with its two decimals, e.g. {@code 118.00} (it fits decimal(19,5)). */
    public static String amount(Money money) {
        return money.toPlainString();
    }

    /** An amount as sent: {@code 12}, {@code 12.3}, {@code 12.34} or {@code 12.34000}; never a fraction of a fen. */
    public static Money readAmount(String text) {
        return Money.parse(text);
    }

    /**
     * A quantity or weight: plain digits, no exponent, trailing zeros dropped, at most five decimals (rounded
     * half-up to the fifth): {@code 2}, {@code 1.6}, {@code 0.00125}.
     */
    public static String decimal(BigDecimal value) {
        BigDecimal scaled = value.setScale(DECIMALS, RoundingMode.HALF_UP).stripTrailingZeros();
        return scaled.scale() < 0 ? scaled.setScale(0).toPlainString() : scaled.toPlainString();
    }

    public static BigDecimal readDecimal(String text) {
        String value = text.strip();
        if (!DECIMAL_19_5.matcher(value).matches()) {
            throw new IllegalArgumentException("a decimal(19,5): plain digits with at most five decimals");
        }
        return new BigDecimal(value);
    }

    /** A guid as customs wants it: 36 characters, upper case. Receipts in the wild send lower case: accepted. */
    public static String readGuid(String text) {
        String guid = text.strip().toUpperCase(Locale.ROOT);
        if (!GUID.matcher(guid).matches()) {
            throw new IllegalArgumentException("a guid has 36 characters, 8-4-4-4-12 hexadecimal digits");
        }
        return guid;
    }

    public static boolean isGuid(String text) {
        return text != null && GUID.matcher(text).matches();
    }
}
