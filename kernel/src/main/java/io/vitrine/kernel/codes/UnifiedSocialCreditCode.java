package io.vitrine.kernel.codes;

import java.util.regex.Pattern;

/**
 * A unified social credit code (统一社会信用代码, GB 32100): 18 characters from 0-9 and A-Z
 * without I O S V Z. The 18th is the check character:
 * {@code alphabet[(31 - sum(value(c_i) * 3^i mod 31) mod 31) mod 31]}.
 */
public record UnifiedSocialCreditCode(String value) {

    private static final String FIELD = "unifiedSocialCreditCode";
    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final Pattern FORM = Pattern.compile("[0-9ABCDEFGHJKLMNPQRTUWXY]{18}");
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    public UnifiedSocialCreditCode {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new InvalidCodeException(FIELD, "USCC_FORM",
                    "a unified social credit code is 18 characters from 0-9 and A-Z without I, O, S, V, Z");
        }
        if (value.charAt(17) != checkCharacter(value)) {
            throw new InvalidCodeException(FIELD, "USCC_CHECK_CHARACTER",
                    "the unified social credit code's check character does not match");
        }
    }

    /** Trims and upper-cases, then validates. */
    public static UnifiedSocialCreditCode parse(String raw) {
        return new UnifiedSocialCreditCode(CodeText.normalise(raw));
    }

    public static boolean isValid(String raw) {
        return CodeText.parses(raw, UnifiedSocialCreditCode::parse);
    }

    static char checkCharacter(String value) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += ALPHABET.indexOf(value.charAt(i)) * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    @Override
    public String toString() {
        return value;
    }
}
