package io.vitrine.api.tenants;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Valid, unique codes and names for tests that share one application (testing.md "Time budget"):
 * every slug, username and USCC is new in each call.
 */
public final class SampleCodes {

    private static final String USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000L, 36);

    private SampleCodes() {
    }

    /** A fresh slug-safe word: {@code prefix-<run><n>}. */
    public static String unique(String prefix) {
        return (prefix + "-" + RUN + SEQUENCE.incrementAndGet()).toLowerCase(Locale.ROOT);
    }

    /** A random unified social credit code with a correct check character (GB 32100). */
    public static String uscc() {
        StringBuilder code = new StringBuilder("91"); // registered by the market regulator, an enterprise
        for (int i = 0; i < 15; i++) {
            code.append(USCC_ALPHABET.charAt(RANDOM.nextInt(USCC_ALPHABET.length())));
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += USCC_ALPHABET.indexOf(code.charAt(i)) * USCC_WEIGHTS[i];
        }
        return code.append(USCC_ALPHABET.charAt((31 - sum % 31) % 31)).toString();
    }

    /** The same code with a wrong check character. */
    public static String usccWithBadCheckCharacter() {
        String good = uscc();
        char last = good.charAt(17);
        char other = USCC_ALPHABET.charAt((USCC_ALPHABET.indexOf(last) + 1) % USCC_ALPHABET.length());
        return good.substring(0, 17) + other;
    }

    /** A 10-character customs registration code. */
    public static String customsCode() {
        StringBuilder code = new StringBuilder("4403");
        for (int i = 0; i < 6; i++) {
            code.append(RANDOM.nextInt(10));
        }
        return code.toString();
    }

    /** The smallest file that is a PDF by its first bytes. */
    public static byte[] pdf() {
        return "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
