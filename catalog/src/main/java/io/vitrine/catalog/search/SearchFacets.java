package io.vitrine.catalog.search;

import java.util.List;

/**
 * Counts over all hits of the query (filters included), most frequent first, then by value; values with
 * no hit are left out. At most {@link #MAX_VALUES} values per facet.
 *
 * @param category    top-level categories ({@code 母婴})
 * @param subcategory the level below the query's category ({@code 母婴/奶粉} under {@code 母婴}), or the
 *                    second level when the query names no category; values are full paths
 */
public record SearchFacets(List<FacetCount> brand, List<FacetCount> category, List<FacetCount> subcategory,
                           List<FacetCount> origin, List<FacetCount> tradeMode, List<PriceRangeCount> price) {

    public static final int MAX_VALUES = 50;

    public SearchFacets {
        brand = List.copyOf(brand);
        category = List.copyOf(category);
        subcategory = List.copyOf(subcategory);
        origin = List.copyOf(origin);
        tradeMode = List.copyOf(tradeMode);
        price = List.copyOf(price);
    }
}
