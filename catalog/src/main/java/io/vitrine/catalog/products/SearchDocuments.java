package io.vitrine.catalog.products;

import io.vitrine.catalog.images.ImageUrls;
import io.vitrine.catalog.search.SearchDocument;
import io.vitrine.kernel.tenancy.TenantContext;
import io.vitrine.kernel.tenancy.TenantId;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one place a product's {@link SearchDocument} is built: the product with its shelf price, the warehouses
 * where it is in stock, the stores whose assortment shows it and its first image's thumbnail URL. The search feed and the full reindex both use
 * it, so a document never depends on which of them wrote it.
 */
@Singleton
public class SearchDocuments {

    private final StockAvailability stock;
    private final StoreListings listings;
    private final ImageUrls imageUrls;

    SearchDocuments(StockAvailability stock, StoreListings listings, ImageUrls imageUrls) {
        this.stock = stock;
        this.listings = listings;
        this.imageUrls = imageUrls;
    }

    public SearchDocument of(TenantId tenant, Product product) {
        return of(tenant, List.of(product)).get(0);
    }

    /** The documents of a batch of one tenant's products, in their order: two queries for the whole batch. */
    public List<SearchDocument> of(TenantId tenant, List<Product> products) {
        if (products.isEmpty()) {
            return List.of();
        }
        List<String> skus = products.stream().map(Product::sku).toList();
        return TenantContext.callAs(tenant, () -> {
            Map<String, Set<String>> warehouses = stock.warehousesWithStock(skus);
            Map<String, Set<String>> stores = listings.storesShowing(skus);
            String shop = imageUrls.slugOf(tenant);
            return products.stream().map(product -> document(tenant, product,
                    imageUrls.firstThumbnail(shop, product.images()),
                    stores.getOrDefault(product.sku(), Set.of()),
                    warehouses.getOrDefault(product.sku(), Set.of()))).toList();
        });
    }

    private static SearchDocument document(TenantId tenant, Product product, String imageUrl, Set<String> storeCodes,
                                           Set<String> inStockWarehouses) {
        ShelfPrice price = ShelfPrice.of(product);
        return new SearchDocument(tenant, product.sku(), product.gtin(), product.nameZh(), product.nameEn(),
                product.brand(), product.categorySegments(), product.originCountry(), product.tradeMode().code(),
                price.price().fen(), price.tax().fen(), imageUrl, product.createdAt(), product.descriptionZh(),
                product.descriptionEn(), storeCodes, inStockWarehouses);
    }
}
