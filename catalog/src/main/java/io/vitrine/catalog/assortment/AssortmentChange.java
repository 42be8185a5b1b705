package io.vitrine.catalog.assortment;

/** What a replacement did to a store's assortment, and the list's version now. */
public record AssortmentChange(String storeCode, int skuCount, int added, int removed, long version) {
}
