package io.vitrine.kernel.codes;

import java.util.Locale;
import java.util.function.Function;

/** Input normalisation shared by the code parsers: codes arrive with stray spaces and lower case. */
final class CodeText {

    private CodeText() {
    }

    static String normalise(String raw) {
        return raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
    }

    /** Whether {@code parser} accepts {@code raw}: the one body behind every {@code isValid}. */
    static boolean parses(String raw, Function<String, ?> parser) {
        try {
            parser.apply(raw);
            return true;
        } catch (InvalidCodeException e) {
            return false;
        }
    }
}
