package io.vitrine.catalog.search.infra;

import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The first step of all text analysis: NFKC (full-width Ａ２ -> a2, as Chinese keyboards type them),
 * lower case, then the text cut into runs of CJK characters and runs of other letters and digits,
 * with ASCII folding of the latter (Nestlé -> nestle). Everything else separates runs.
 */
final class TextRuns {

    record Run(String text, boolean cjk) {
    }

    private TextRuns() {
    }

    static List<Run> of(String text) {
        List<Run> runs = new ArrayList<>();
        if (text == null) {
            return runs;
        }
        String normalised = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder current = new StringBuilder();
        boolean currentCjk = false;
        for (int i = 0; i < normalised.length(); ) {
            int cp = normalised.codePointAt(i);
            i += Character.charCount(cp);
            boolean cjk = isCjk(cp);
            boolean word = cjk || Character.isLetterOrDigit(cp);
            if (!word || (current.length() > 0 && cjk != currentCjk)) {
                flush(current, currentCjk, runs);
            }
            if (word) {
                current.appendCodePoint(cp);
                currentCjk = cjk;
            }
        }
        flush(current, currentCjk, runs);
        return runs;
    }

    static boolean isCjk(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }

    private static void flush(StringBuilder current, boolean cjk, List<Run> runs) {
        if (current.length() == 0) {
            return;
        }
        String text = current.toString();
        runs.add(new Run(cjk ? text : fold(text), cjk));
        current.setLength(0);
    }

    private static String fold(String latin) {
        char[] input = latin.toCharArray();
        char[] output = new char[input.length * 4];
        int length = ASCIIFoldingFilter.foldToASCII(input, 0, output, 0, input.length);
        return new String(output, 0, length);
    }
}
