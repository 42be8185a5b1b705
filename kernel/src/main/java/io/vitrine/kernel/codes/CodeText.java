package io.vitrine.kernel.codes;

import java.util.Locale;

/** Input normalisation shared by the code parsers: codes arrive with stray spaces and lower case. */
final class CodeText {

    private CodeText() {
    }

    static String normalise(String raw) {
        return raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
    }
}
