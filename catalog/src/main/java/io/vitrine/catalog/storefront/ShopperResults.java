package io.vitrine.catalog.storefront;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.catalog.products.CatalogProduct;
import io.vitrine.catalog.search.SearchFacets;

import java.util.List;

/**
 * What a shopper's search found.
 *
 * @param degraded answered by the database search because the engine could not (no facets, no cursor)
 */
public record ShopperResults(long total, List<Item> items, SearchFacets facets, @Nullable String nextCursor,
                             boolean degraded) {

    /** One product in the list. {@code inStock}: at the query's store's warehouse, or anywhere without a store. */
    public record Item(String sku, String name, @Nullable String nameEn, String brand, long priceFen, long taxFen,
                       @Nullable String imageUrl, boolean inStock) {

        static Item of(CatalogProduct read, boolean inStock, @Nullable String imageUrl) {
            var p = read.product();
            return new Item(p.sku(), p.nameZh(), p.nameEn(), p.brand(), p.priceFen(), read.shelfPrice().tax().fen(),
                    imageUrl, inStock);
        }
    }

    public ShopperResults {
        items = List.copyOf(items);
    }

    static SearchFacets noFacets() {
        return new SearchFacets(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }
}
