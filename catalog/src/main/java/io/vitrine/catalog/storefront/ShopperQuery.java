package io.vitrine.catalog.storefront;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.catalog.search.SearchSort;

/**
 * A checked shopper search ({@link SearchParameters#check()}). {@code page} counts from 0; {@code inStock}
 * asks for products in stock at {@code store}'s warehouse.
 */
public record ShopperQuery(@Nullable String q, @Nullable String brand, @Nullable String category,
                           @Nullable String origin, @Nullable String tradeMode, @Nullable Long priceMinFen,
                           @Nullable Long priceMaxFen, @Nullable String store, boolean inStock, SearchSort sort,
                           int page, int size, @Nullable String cursor) {
}
