package io.vitrine.catalog.search;

import io.vitrine.kernel.tenancy.TenantId;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the catalog feeds the search engine for one SKU: a denormalised snapshot of the product, its
 * price and tax, the stores whose assortment shows it and the bonded warehouses holding stock of it.
 * Optional texts and codes are {@code null} when the product has none.
 *
 * @param categoryPath      segments from the top, e.g. {@code [母婴, 奶粉, 婴儿奶粉]}; a segment never contains '/'
 * @param originCountry     customs 3-digit country code, e.g. {@code 601}
 * @param tradeMode         1210, 1239, 9610 or GENERAL
 * @param priceFen          the goods price (tax shown separately as {@code taxFen}); filters, sorts and
 *                          price facets use it
 * @param storeCodes        stores whose kiosks and shelves show the SKU (store assortment)
 * @param inStockWarehouses warehouses with available stock of the SKU
 */
public record SearchDocument(TenantId tenant, String sku, String gtin, String nameZh, String nameEn, String brand,
                             List<String> categoryPath, String originCountry, String tradeMode,
                             long priceFen, long taxFen, String imageUrl, Instant createdAt,
                             String descriptionZh, String descriptionEn,
                             Set<String> storeCodes, Set<String> inStockWarehouses) {

    public SearchDocument {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(createdAt, "createdAt");
        if (sku == null || sku.isBlank()) {
            throw new IllegalArgumentException("a search document needs its sku");
        }
        if (priceFen < 0 || taxFen < 0) {
            throw new IllegalArgumentException("price and tax are never negative");
        }
        categoryPath = categoryPath == null ? List.of() : categoryPath.stream().map(String::strip).toList();
        for (String segment : categoryPath) {
            if (segment.isBlank() || segment.contains("/")) {
                throw new IllegalArgumentException("a category segment is not blank and has no '/': " + segment);
            }
        }
        // sorted copies: the same document always produces the same index entry
        storeCodes = storeCodes == null ? Set.of() : Set.copyOf(new TreeSet<>(storeCodes));
        inStockWarehouses = inStockWarehouses == null ? Set.of() : Set.copyOf(new TreeSet<>(inStockWarehouses));
    }

    /** {@code 母婴/奶粉/婴儿奶粉}: the form category filters and facet values use. */
    public String categoryPathString() {
        return String.join("/", categoryPath);
    }
}
