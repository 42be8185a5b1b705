package io.vitrine.kernel.privacy;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The kinds of personal data that rules match on, each with the normalisation applied before a
 * blind index is computed, so that the same person's data written differently still matches.
 * The kind is also part of the HMAC input, so equal text of two kinds never shares an index.
 */
public enum PersonalDataKind {

    /** Resident ID number: trimmed, upper case (a trailing x is X). */
    ID_NUMBER {
        @Override
        public String normalise(String value) {
            return fold(value).replace(" ", "").toUpperCase(Locale.ROOT);
        }
    },
    /** Mobile phone: digits only, without the country prefix +86 / 0086 / 86 of an 11-digit number. */
    PHONE {
        @Override
        public String normalise(String value) {
            String digits = fold(value).replaceAll("\\D", "");
            if (digits.startsWith("0086") && digits.length() == 15) {
                return digits.substring(4);
            }
            if (digits.startsWith("86") && digits.length() == 13) {
                return digits.substring(2);
            }
            return digits;
        }
    },
    /** Postal address: full-width characters folded to half-width, all whitespace removed, upper case. */
    ADDRESS {
        @Override
        public String normalise(String value) {
            return fold(value).replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        }
    },
    /** Person name: full-width folded, runs of whitespace collapsed to one space, upper case. */
    NAME {
        @Override
        public String normalise(String value) {
            return fold(value).replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
        }
    };

    public abstract String normalise(String value);

    /** NFKC folds full-width letters, digits and the ideographic space to their ASCII forms. */
    private static String fold(String value) {
        return Normalizer.normalize(value, Normalizer.Form.NFKC).strip();
    }
}
