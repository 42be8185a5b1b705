package io.vitrine.kernel.codes;

import io.vitrine.kernel.privacy.Masking;
import io.vitrine.kernel.time.ChinaTime;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * A mainland resident identity card number (GB 11643): 6-digit division code, 8-digit birth date,
 * 3-digit sequence (odd = male, even = female), check character. The check character is
 * {@code "10X98765432"[sum(digit_i * w_i) mod 11]} with w = 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2.
 *
 * <p>Personal data: {@link #toString()} is masked; store it encrypted, match it by blind index.
 */
public record ResidentIdNumber(String value) {

    private static final String FIELD = "residentIdNumber";
    private static final Pattern FORM = Pattern.compile("[1-9]\\d{16}[\\dX]");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";
    // no living resident was born earlier; rejects typos like 0990 for 1990
    private static final int FIRST_BIRTH_YEAR = 1900;

    /** Validates form, birth date and check character; {@link #parse} also refuses future birth dates. */
    public ResidentIdNumber {
        if (value == null || !FORM.matcher(value).matches()) {
            throw invalid("RESIDENT_ID_FORM", "an ID number is 17 digits followed by a digit or X");
        }
        birthDateOf(value);
        if (value.charAt(17) != checkCharacter(value)) {
            throw invalid("RESIDENT_ID_CHECK_CHARACTER", "the ID number's check character does not match");
        }
    }

    /** Parses with today's date in China from the system clock; see {@link #parse(String, Clock)}. */
    public static ResidentIdNumber parse(String raw) {
        return parse(raw, ChinaTime.systemClock());
    }

    /** Trims, upper-cases a trailing x, validates, and refuses a birth date after today in China. */
    public static ResidentIdNumber parse(String raw, Clock clock) {
        ResidentIdNumber id = new ResidentIdNumber(CodeText.normalise(raw));
        if (id.birthDate().isAfter(ChinaTime.today(clock))) {
            throw invalid("RESIDENT_ID_BIRTH_DATE_IN_FUTURE", "the ID number's birth date is in the future");
        }
        return id;
    }

    public static boolean isValid(String raw) {
        return CodeText.parses(raw, ResidentIdNumber::parse);
    }

    public LocalDate birthDate() {
        return birthDateOf(value);
    }

    /** The 17th character: odd for men, even for women. */
    public int genderDigit() {
        return value.charAt(16) - '0';
    }

    /** The administrative division code of the issuing place (GB/T 2260), e.g. 110105. */
    public String divisionCode() {
        return value.substring(0, 6);
    }

    @Override
    public String toString() {
        return Masking.idNumber(value);
    }

    static char checkCharacter(String value) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += (value.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    private static LocalDate birthDateOf(String value) {
        int year = Integer.parseInt(value.substring(6, 10));
        int month = Integer.parseInt(value.substring(10, 12));
        int day = Integer.parseInt(value.substring(12, 14));
        try {
            if (year < FIRST_BIRTH_YEAR) {
                throw new DateTimeException("before " + FIRST_BIRTH_YEAR);
            }
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw invalid("RESIDENT_ID_BIRTH_DATE", "the ID number's birth date is not a real date");
        }
    }

    private static InvalidCodeException invalid(String rule, String message) {
        return new InvalidCodeException(FIELD, rule, message);
    }
}
