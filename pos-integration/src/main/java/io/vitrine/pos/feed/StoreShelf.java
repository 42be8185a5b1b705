package io.vitrine.pos.feed;

import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.catalog.assortment.StoreAssortments;
import io.vitrine.catalog.products.Catalog;
import io.vitrine.catalog.products.CatalogProduct;
import io.vitrine.catalog.products.Product;
import io.vitrine.catalog.products.ProductRepository;
import io.vitrine.catalog.products.ShelfPrice;
import io.vitrine.catalog.stock.StockItem;
import io.vitrine.catalog.stock.StockItemRepository;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The current state of SKUs as one store offers them, read in three statements per page whatever its size: a SKU
 * is on the store's shelf while it is a product of the tenant, in the store's assortment and on the positive list
 * now (UPSERT, priced by the catalog's one tax rule, {@link ShelfPrice}, with the units on hand at the store's
 * warehouse); anything else is a DELETE.
 */
@Singleton
class StoreShelf {

    private final ProductRepository products;
    private final Catalog catalog;
    private final StoreAssortments assortments;
    private final StockItemRepository stock;

    StoreShelf(ProductRepository products, Catalog catalog, StoreAssortments assortments, StockItemRepository stock) {
        this.products = products;
        this.catalog = catalog;
        this.assortments = assortments;
        this.stock = stock;
    }

    /** One change per distinct SKU, in the order given (at most {@code SkuBatches.IN_LIST}). */
    @Transactional(readOnly = true)
    List<CatalogChange> resolve(Store store, Collection<String> skus) {
        List<String> distinct = skus.stream().distinct().toList();
        if (distinct.isEmpty()) {
            return List.of();
        }
        Map<String, Product> found = products.findBySkuIn(distinct).stream()
                .collect(Collectors.toMap(Product::sku, Function.identity()));
        Set<String> assorted = assortments.assortedOfKnownStore(store.code(), found.keySet());
        Map<String, Long> onHand = stock.findByWarehouseCodeAndSkuIn(store.warehouseCode(), assorted).stream()
                .collect(Collectors.toMap(StockItem::sku, item -> item.level().onHand()));
        List<CatalogChange> changes = new ArrayList<>(distinct.size());
        for (String sku : distinct) {
            Product product = found.get(sku);
            CatalogProduct offered = product == null || !assorted.contains(sku) ? null : catalog.describe(product);
            changes.add(offered == null || !offered.positiveList()
                    ? CatalogChange.delete(sku)
                    : upsert(offered, onHand.getOrDefault(sku, 0L)));
        }
        return changes;
    }

    private static CatalogChange upsert(CatalogProduct offered, long onHand) {
        Product product = offered.product();
        return CatalogChange.upsert(product.sku(), new FeedProduct(product.nameZh(), product.nameEn(), product.brand(),
                        product.gtin(), product.categoryPath(), product.hsCode(), product.originCountry(), product.unit(),
                        product.tradeMode().code()),
                offered.shelfPrice().price().fen(), offered.shelfPrice().tax().fen(), onHand);
    }

    /** A store as its feed needs it: its code and the warehouse its stock is counted at. */
    record Store(String code, String warehouseCode) {
    }
}
