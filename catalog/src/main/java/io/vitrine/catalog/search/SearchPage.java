package io.vitrine.catalog.search;

import java.util.List;

/**
 * One page of results.
 *
 * @param total      every hit of the query, not just this page
 * @param nextCursor continues after the last item of this page, {@code null} when nothing follows
 */
public record SearchPage(long total, List<SearchHit> items, SearchFacets facets, String nextCursor) {

    public SearchPage {
        items = List.copyOf(items);
    }
}
