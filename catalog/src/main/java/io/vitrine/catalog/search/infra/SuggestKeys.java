package io.vitrine.catalog.search.infra;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Suggestion entries, indexed as {@code <key>\u001f<completion>} in one keyword field: a prefix of the key
 * finds the entry, the part after the separator is what the shopper is offered. A completion (a brand, a
 * category, a product name) has three keys: its text ({@code 奶粉}), its full pinyin ({@code naifen}) and
 * its initials ({@code nf}), each without spaces, so typed spaces never matter.
 */
final class SuggestKeys {

    static final char SEPARATOR = '\u001f';
    private static final int MAX_COMPLETION = 100;

    private SuggestKeys() {
    }

    static Set<String> entries(List<String> completions) {
        Set<String> entries = new LinkedHashSet<>();
        for (String completion : completions) {
            if (completion == null || completion.isBlank()) {
                continue;
            }
            String shown = completion.strip();
            if (shown.length() > MAX_COMPLETION) {
                continue;
            }
            for (String key : keys(shown)) {
                entries.add(key + SEPARATOR + shown);
            }
        }
        return entries;
    }

    /** What the typed text is compared with: its runs without separators; empty if nothing to match. */
    static String typedPrefix(String typed) {
        StringBuilder prefix = new StringBuilder();
        TextRuns.of(typed).forEach(run -> prefix.append(run.text()));
        return prefix.toString();
    }

    static String completionOf(String entry) {
        return entry.substring(entry.indexOf(SEPARATOR) + 1);
    }

    private static Set<String> keys(String completion) {
        List<String> text = List.of("");
        List<String> full = List.of("");
        List<String> initials = List.of("");
        for (TextRuns.Run run : TextRuns.of(completion)) {
            text = append(text, List.of(run.text()));
            if (run.cjk()) {
                List<String> runFull = PinyinReadings.joined(run.text());
                List<String> runInitials = PinyinReadings.initials(run.text());
                full = append(full, runFull.isEmpty() ? List.of(run.text()) : runFull);
                initials = append(initials, runInitials.isEmpty() ? List.of(run.text()) : runInitials);
            } else {
                full = append(full, List.of(run.text()));
                initials = append(initials, List.of(run.text()));
            }
        }
        Set<String> keys = new LinkedHashSet<>();
        keys.addAll(text);
        keys.addAll(full);
        keys.addAll(initials);
        keys.remove("");
        return keys;
    }

    private static List<String> append(List<String> prefixes, List<String> parts) {
        List<String> combined = new ArrayList<>();
        for (String prefix : prefixes) {
            for (String part : parts) {
                if (combined.size() < PinyinReadings.MAX_VARIANTS) {
                    combined.add(prefix + part);
                }
            }
        }
        return combined;
    }
}
