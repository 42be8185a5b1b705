package io.vitrine.catalog.search.infra;

import io.vitrine.catalog.search.PriceRange;
import io.vitrine.catalog.search.PriceRangeCount;
import io.vitrine.catalog.search.SearchFacets;

import java.util.ArrayList;
import java.util.List;

/** Facet counts of either engine in the one shape and order of {@link SearchFacets}. */
final class FacetResults {

    private FacetResults() {
    }

    static SearchFacets of(FacetTally brand, FacetTally topCategories, FacetTally subcategories, FacetTally origin,
                           FacetTally tradeMode, long[] priceBuckets) {
        List<PriceRangeCount> prices = new ArrayList<>();
        for (int i = 0; i < priceBuckets.length; i++) {
            if (priceBuckets[i] > 0) {
                prices.add(new PriceRangeCount(PriceRange.BUCKETS.get(i), priceBuckets[i]));
            }
        }
        return new SearchFacets(brand.top(), topCategories.top(), subcategories.top(), origin.top(), tradeMode.top(), prices);
    }
}
