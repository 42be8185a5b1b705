package io.vitrine.catalog.assortment;

/** What a replacement did to a store's assortment. */
public record AssortmentChange(String storeCode, int skuCount, int added, int removed) {
}
