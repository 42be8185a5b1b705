package io.vitrine.catalog.search;

import io.vitrine.kernel.error.FieldError;
import io.vitrine.kernel.error.InvalidInputException;

import java.util.ArrayList;
import java.util.List;

/**
 * One catalog search. Every filter is optional ({@code null}); the tenant is not part of the query
 * because the adapter applies it itself. {@code category} is a path such as {@code 母婴/奶粉} and matches
 * its whole subtree. Price bounds are inclusive and apply to {@code priceFen}.
 *
 * <p>Paging: {@code page} (1-based) with {@code size} (1..200) for the first pages, at most
 * {@link #MAX_PAGED_HITS} hits deep; beyond that follow {@link SearchPage#nextCursor()} — an opaque cursor
 * valid for the same query and sort, on either engine. With a cursor, {@code page} must be 1.
 */
public record SearchQuery(String q, String brand, String category, String origin, String tradeMode,
                          Long priceMinFen, Long priceMaxFen, String store, String inStockAtWarehouse,
                          SearchSort sort, int page, int size, String cursor) {

    public static final int MAX_SIZE = 200;
    public static final int DEFAULT_SIZE = 20;
    /** Elasticsearch's default index.max_result_window; the same limit holds on Lucene. */
    public static final int MAX_PAGED_HITS = 10_000;

    public SearchQuery {
        q = blankToNull(q);
        brand = blankToNull(brand);
        category = blankToNull(category);
        origin = blankToNull(origin);
        tradeMode = blankToNull(tradeMode);
        store = blankToNull(store);
        inStockAtWarehouse = blankToNull(inStockAtWarehouse);
        cursor = blankToNull(cursor);
        sort = sort == null ? SearchSort.RELEVANCE : sort;
        List<FieldError> errors = new ArrayList<>();
        if (size < 1 || size > MAX_SIZE) {
            errors.add(new FieldError("size", "must be between 1 and " + MAX_SIZE));
        }
        if (page < 1) {
            errors.add(new FieldError("page", "must be 1 or more"));
        } else if ((long) page * size > MAX_PAGED_HITS) {
            errors.add(new FieldError("page", "pages end after " + MAX_PAGED_HITS + " hits: follow nextCursor instead"));
        }
        if (cursor != null && page != 1) {
            errors.add(new FieldError("page", "a cursor continues from where it was issued: leave page at 1"));
        }
        if (priceMinFen != null && priceMinFen < 0) {
            errors.add(new FieldError("priceMinFen", "must not be negative"));
        }
        if (priceMaxFen != null && priceMaxFen < 0) {
            errors.add(new FieldError("priceMaxFen", "must not be negative"));
        }
        if (priceMinFen != null && priceMaxFen != null && priceMinFen > priceMaxFen) {
            errors.add(new FieldError("priceMaxFen", "must not be below priceMinFen"));
        }
        if (category != null && (category.startsWith("/") || category.endsWith("/") || category.contains("//"))) {
            errors.add(new FieldError("category", "is a path of segments separated by '/'"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    public static SearchQuery text(String q) {
        return builder().q(q).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.q = q; b.brand = brand; b.category = category; b.origin = origin; b.tradeMode = tradeMode;
        b.priceMinFen = priceMinFen; b.priceMaxFen = priceMaxFen; b.store = store;
        b.inStockAtWarehouse = inStockAtWarehouse; b.sort = sort; b.page = page; b.size = size; b.cursor = cursor;
        return b;
    }

    /** The same query continued after {@code cursor}. */
    public SearchQuery after(String nextCursor) {
        return toBuilder().page(1).cursor(nextCursor).build();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public static final class Builder {
        private String q;
        private String brand;
        private String category;
        private String origin;
        private String tradeMode;
        private Long priceMinFen;
        private Long priceMaxFen;
        private String store;
        private String inStockAtWarehouse;
        private SearchSort sort = SearchSort.RELEVANCE;
        private int page = 1;
        private int size = DEFAULT_SIZE;
        private String cursor;

        private Builder() {
        }

        public Builder q(String value) { q = value; return this; }
        public Builder brand(String value) { brand = value; return this; }
        public Builder category(String value) { category = value; return this; }
        public Builder origin(String value) { origin = value; return this; }
        public Builder tradeMode(String value) { tradeMode = value; return this; }
        public Builder priceMinFen(Long value) { priceMinFen = value; return this; }
        public Builder priceMaxFen(Long value) { priceMaxFen = value; return this; }
        public Builder store(String value) { store = value; return this; }
        public Builder inStockAtWarehouse(String value) { inStockAtWarehouse = value; return this; }
        public Builder sort(SearchSort value) { sort = value; return this; }
        public Builder page(int value) { page = value; return this; }
        public Builder size(int value) { size = value; return this; }
        public Builder cursor(String value) { cursor = value; return this; }

        public SearchQuery build() {
            return new SearchQuery(q, brand, category, origin, tradeMode, priceMinFen, priceMaxFen, store,
                    inStockAtWarehouse, sort, page, size, cursor);
        }
    }
}
