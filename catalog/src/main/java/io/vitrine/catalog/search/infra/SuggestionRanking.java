package io.vitrine.catalog.search.infra;

import io.vitrine.catalog.search.FacetCount;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * From matching suggestion entries with their product counts to completions: entries ordered as facet
 * values (count, then bytes), the first {@link #CANDIDATES} kept — the same cut on both engines — then
 * each completion once, in that order.
 */
final class SuggestionRanking {

    static final int CANDIDATES = 50;

    private SuggestionRanking() {
    }

    static List<String> completions(List<FacetCount> entries, int limit) {
        Set<String> completions = new LinkedHashSet<>();
        entries.stream().sorted(FacetTally.ORDER).limit(CANDIDATES)
                .forEach(e -> completions.add(SuggestKeys.completionOf(e.value())));
        return completions.stream().limit(limit).toList();
    }
}
