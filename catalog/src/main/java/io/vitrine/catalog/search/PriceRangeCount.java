package io.vitrine.catalog.search;

public record PriceRangeCount(PriceRange range, long count) {
}
