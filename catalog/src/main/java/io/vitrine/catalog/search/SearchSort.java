package io.vitrine.catalog.search;

/** Result orders. Every sort ends with the SKU, so equal keys still page deterministically. */
public enum SearchSort {
    /** best text match first; without query text every hit scores the same (then by SKU) */
    RELEVANCE,
    PRICE_ASC,
    PRICE_DESC,
    /** most recently created products first */
    NEWEST;

    /** {@code relevance}, {@code price_asc}, ... as the HTTP API spells them. */
    public static SearchSort fromApiName(String name) {
        for (SearchSort sort : values()) {
            if (sort.name().equalsIgnoreCase(name)) {
                return sort;
            }
        }
        throw new IllegalArgumentException("unknown sort: " + name);
    }
}
