package io.vitrine.catalog.search.infra;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The one text analysis of the catalog, used for documents and queries alike, on both engines: the engines
 * only ever see the exact tokens produced here (Elasticsearch keyword arrays, Lucene untokenised fields).
 *
 * <ul>
 *   <li>text: latin words lower-cased and ASCII-folded, plus the letter and digit parts of mixed words
 *       ({@code 800g} -> {@code 800g 800 g}); CJK as single characters, overlapping bigrams and smartcn
 *       words — characters give recall whatever the segmentation, bigrams and words give precision</li>
 *   <li>pinyin: every reading of every Han character ({@code nai}, {@code fen}), and the joined readings
 *       of each bigram, smartcn word and whole run ({@code naifen}, {@code yingernaifen})</li>
 *   <li>initials: the same windows as initials ({@code nf}, {@code yenf})</li>
 * </ul>
 */
final class CatalogText {

    /** runs longer than this get no whole-run pinyin (a long description is not typed as one word) */
    private static final int MAX_JOINED_RUN = 12;

    private CatalogText() {
    }

    static Set<String> textTokens(String... texts) {
        Set<String> tokens = new LinkedHashSet<>();
        for (String text : texts) {
            for (TextRuns.Run run : TextRuns.of(text)) {
                if (run.cjk()) {
                    cjkTokens(run.text(), tokens);
                } else {
                    tokens.add(run.text());
                    tokens.addAll(letterAndDigitParts(run.text()));
                }
            }
        }
        return tokens;
    }

    static Set<String> pinyinTokens(String... texts) {
        Set<String> tokens = new LinkedHashSet<>();
        for (String window : pinyinWindows(texts)) {
            if (window.length() == 1) {
                tokens.addAll(PinyinReadings.of(window.charAt(0)));
            } else {
                tokens.addAll(PinyinReadings.joined(window));
            }
        }
        return tokens;
    }

    static Set<String> initialsTokens(String... texts) {
        Set<String> tokens = new LinkedHashSet<>();
        for (String window : pinyinWindows(texts)) {
            if (window.length() > 1) {
                tokens.addAll(PinyinReadings.initials(window));
            }
        }
        return tokens;
    }

    /** {@code 800g} -> {@code [800, g]}; a word of one kind has no parts. */
    static List<String> letterAndDigitParts(String word) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= word.length(); i++) {
            if (i == word.length() || Character.isDigit(word.charAt(i)) != Character.isDigit(word.charAt(i - 1))) {
                parts.add(word.substring(start, i));
                start = i;
            }
        }
        return parts.size() > 1 ? parts : List.of();
    }

    static List<String> cjkCharacters(String run) {
        List<String> chars = new ArrayList<>();
        run.codePoints().forEach(cp -> chars.add(new String(Character.toChars(cp))));
        return chars;
    }

    static List<String> cjkBigrams(String run) {
        List<String> chars = cjkCharacters(run);
        List<String> bigrams = new ArrayList<>();
        for (int i = 0; i + 1 < chars.size(); i++) {
            bigrams.add(chars.get(i) + chars.get(i + 1));
        }
        return bigrams;
    }

    private static void cjkTokens(String run, Set<String> tokens) {
        tokens.addAll(cjkCharacters(run));
        tokens.addAll(cjkBigrams(run));
        for (String word : ChineseWords.of(run)) {
            if (word.codePointCount(0, word.length()) > 1) {
                tokens.add(word);
            }
        }
    }

    /** Single characters, bigrams, smartcn words and whole runs of Han text: what pinyin is made of. */
    private static Set<String> pinyinWindows(String... texts) {
        Set<String> windows = new LinkedHashSet<>();
        for (String text : texts) {
            for (TextRuns.Run run : TextRuns.of(text)) {
                if (!run.cjk()) {
                    continue;
                }
                for (String han : hanOnly(run.text())) {
                    cjkCharacters(han).forEach(windows::add);
                    windows.addAll(cjkBigrams(han));
                    windows.addAll(ChineseWords.of(han));
                    if (han.length() <= MAX_JOINED_RUN) {
                        windows.add(han);
                    }
                }
            }
        }
        return windows;
    }

    /** Han parts of a CJK run (kana and hangul have no pinyin). Han characters of the BMP only. */
    private static List<String> hanOnly(String cjkRun) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < cjkRun.length(); i++) {
            char c = cjkRun.charAt(i);
            if (!Character.isSurrogate(c) && PinyinReadings.isHan(c) && !PinyinReadings.of(c).isEmpty()) {
                current.append(c);
            } else if (current.length() > 0) {
                parts.add(current.toString());
                current.setLength(0);
            }
        }
        if (current.length() > 0) {
            parts.add(current.toString());
        }
        return parts;
    }
}
