package io.vitrine.catalog.products;

/**
 * A product as staff and shoppers read it: the stored product, whether its HS code is on the positive
 * list now, and its shelf price with tax.
 */
public record CatalogProduct(Product product, boolean positiveList, ShelfPrice shelfPrice) {
}
