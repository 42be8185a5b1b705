/**
 * The shopper-facing read side of the catalog (api.md "Storefront"): search with filters, facets and
 * paging, suggestions, product detail by SKU or barcode. Search answers from the search engine and,
 * when the engine is down or slow, from a simple database search ({@code EngineGuard},
 * {@code DatabaseSearch}). Stock comes from {@code catalog.stock.StockLevels}; a store narrows a search to its
 * assortment.
 */
package io.vitrine.catalog.storefront;
