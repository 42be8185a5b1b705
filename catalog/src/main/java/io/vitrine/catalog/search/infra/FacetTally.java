package io.vitrine.catalog.search.infra;

import io.vitrine.catalog.search.FacetCount;
import io.vitrine.catalog.search.SearchFacets;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Counts per value, reported as both engines order terms: most frequent first, then by the value's
 * UTF-8 bytes (Elasticsearch's {@code _key} order), at most {@link SearchFacets#MAX_VALUES}.
 */
final class FacetTally {

    static final Comparator<String> UTF8 = (a, b) -> Arrays.compareUnsigned(
            a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    static final Comparator<FacetCount> ORDER = Comparator.comparingLong(FacetCount::count).reversed()
            .thenComparing(FacetCount::value, UTF8);

    private final Map<String, Long> counts = new HashMap<>();

    void add(String value, long count) {
        counts.merge(value, count, Long::sum);
    }

    /** the values accepted by {@code keep}, with their counts */
    FacetTally only(Predicate<String> keep) {
        FacetTally kept = new FacetTally();
        counts.forEach((value, count) -> {
            if (keep.test(value)) {
                kept.add(value, count);
            }
        });
        return kept;
    }

    List<FacetCount> all() {
        return top(Integer.MAX_VALUE);
    }

    List<FacetCount> top(int limit) {
        return counts.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .map(e -> new FacetCount(e.getKey(), e.getValue()))
                .sorted(ORDER)
                .limit(limit)
                .toList();
    }

    List<FacetCount> top() {
        return top(SearchFacets.MAX_VALUES);
    }
}
