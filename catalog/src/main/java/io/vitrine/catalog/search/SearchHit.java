package io.vitrine.catalog.search;

/**
 * One product in a result list.
 *
 * @param name    the Chinese name ({@code nameEn} for pages shown in English; either may be null)
 * @param inStock stock at the query's {@code inStockAtWarehouse} when given, else at any warehouse
 */
public record SearchHit(String sku, String name, String nameEn, String brand, long priceFen, long taxFen,
                        String imageUrl, boolean inStock) {
}
