package io.vitrine.catalog.search;

import java.util.List;

/**
 * A price bucket of the price facet: {@code [fromFen, toFen)}, either end open when {@code null}.
 * The buckets are fixed (one list for both engines) so kiosks can show them as buttons.
 */
public record PriceRange(Long fromFen, Long toFen) {

    /** below ¥50, ¥50–100, ¥100–200, ¥200–500, ¥500 and more */
    public static final List<PriceRange> BUCKETS = List.of(
            new PriceRange(null, 5_000L),
            new PriceRange(5_000L, 10_000L),
            new PriceRange(10_000L, 20_000L),
            new PriceRange(20_000L, 50_000L),
            new PriceRange(50_000L, null));

    public boolean contains(long priceFen) {
        return (fromFen == null || priceFen >= fromFen) && (toFen == null || priceFen < toFen);
    }

    /** As filter bounds of {@link SearchQuery} (whose maximum is inclusive). */
    public Long maxFenInclusive() {
        return toFen == null ? null : toFen - 1;
    }
}
