package io.vitrine.catalog.search.infra;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Splits typed pinyin into syllables: {@code yingernaifen} -> {@code ying er nai fen}. The syllable table
 * is every reading pinyin4j knows for the common CJK block, so it cannot drift from the readings we index.
 * Of the possible splits the one with the fewest syllables wins ({@code xian} stays {@code xian}, not
 * {@code xi an}); the joined form is matched as well, which covers most other readings.
 */
final class PinyinSyllables {

    private static final int MAX_SYLLABLE = 6;
    private static final Set<String> SYLLABLES = table();

    private PinyinSyllables() {
    }

    static boolean isSyllable(String s) {
        return SYLLABLES.contains(s);
    }

    /** The split with the fewest syllables, or empty if {@code letters} is not pinyin at all. */
    static List<String> split(String letters) {
        int n = letters.length();
        if (n == 0 || n > 64) {
            return List.of();
        }
        int[] best = new int[n + 1];      // fewest syllables covering letters[0, i)
        int[] from = new int[n + 1];
        java.util.Arrays.fill(best, Integer.MAX_VALUE);
        best[0] = 0;
        for (int end = 1; end <= n; end++) {
            for (int start = Math.max(0, end - MAX_SYLLABLE); start < end; start++) {
                if (best[start] != Integer.MAX_VALUE && best[start] + 1 < best[end]
                        && SYLLABLES.contains(letters.substring(start, end))) {
                    best[end] = best[start] + 1;
                    from[end] = start;
                }
            }
        }
        if (best[n] == Integer.MAX_VALUE) {
            return List.of();
        }
        List<String> syllables = new ArrayList<>();
        for (int end = n; end > 0; end = from[end]) {
            syllables.add(letters.substring(from[end], end));
        }
        Collections.reverse(syllables);
        return syllables;
    }

    private static Set<String> table() {
        Set<String> table = new HashSet<>();
        for (char c = '\u4E00'; c <= '\u9FA5'; c++) {
            for (String reading : PinyinReadings.of(c)) {
                // interjections like m, n, ng, hm would let consonant strings such as "nm" pass for pinyin
                if (reading.matches(".*[aeiouv].*")) {
                    table.add(reading);
                }
            }
        }
        return Set.copyOf(table);
    }
}
