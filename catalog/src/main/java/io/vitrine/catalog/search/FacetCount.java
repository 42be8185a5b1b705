package io.vitrine.catalog.search;

/** A facet value (usable as the matching filter value) and how many hits carry it. */
public record FacetCount(String value, long count) {
}
