package io.vitrine.catalog.storefront;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.catalog.products.Catalog;
import io.vitrine.catalog.products.CatalogProduct;
import io.vitrine.catalog.products.Product;
import io.vitrine.catalog.products.ProductRepository;
import io.vitrine.catalog.stock.StockLevels;
import io.vitrine.kernel.codes.Gtin;
import io.vitrine.kernel.error.FieldChecks;
import io.vitrine.kernel.error.InvalidInputException;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.tenants.stores.Store;
import io.vitrine.tenants.stores.StoreRepository;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * A product as a shopper sees it, by SKU or scanned barcode, in the current tenant (another tenant's is not
 * found: 404), with the stock at a store when one is named.
 */
@Singleton
public class ShopperCatalog {

    private final Catalog catalog;
    private final ProductRepository products;
    private final StoreRepository stores;
    private final StockLevels stock;

    ShopperCatalog(Catalog catalog, ProductRepository products, StoreRepository stores, StockLevels stock) {
        this.catalog = catalog;
        this.products = products;
        this.stores = stores;
        this.stock = stock;
    }

    /** @param stock at the store the shopper named, if any */
    public record ShopperProduct(CatalogProduct read, @Nullable StoreStock stock) {
    }

    /** Units the store can sell now: its warehouse's stock less what reservations hold. */
    public record StoreStock(String storeCode, long available) {

        public boolean inStock() {
            return available > 0;
        }
    }

    @Transactional(readOnly = true)
    public ShopperProduct bySku(String sku, @Nullable String storeCode) {
        Optional<Store> store = store(storeCode);
        return withStock(catalog.get(sku), store);
    }

    @Transactional(readOnly = true)
    public ShopperProduct byBarcode(String gtin, @Nullable String storeCode) {
        FieldChecks checks = new FieldChecks();
        Gtin barcode = checks.parse("gtin", gtin, Gtin::parse);
        checks.throwIfAny();
        Optional<Store> store = store(storeCode);
        Product product = products.findByGtin(barcode.value())
                .orElseThrow(() -> new NotFoundException("no product with this barcode"));
        return withStock(catalog.describe(product), store);
    }

    public CatalogProduct describe(Product product) {
        return catalog.describe(product);
    }

    /** The current tenant's store named by the shopper; 400 when the tenant has no such store. */
    @Transactional(readOnly = true)
    public Optional<Store> store(@Nullable String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        Optional<Store> store = code.length() > 32 ? Optional.empty() : stores.findByCode(code.strip());
        if (store.isEmpty()) {
            throw InvalidInputException.of("store", "UNKNOWN_STORE", "no store of this shop has this code");
        }
        return store;
    }

    private ShopperProduct withStock(CatalogProduct read, Optional<Store> store) {
        return new ShopperProduct(read, store.map(s -> new StoreStock(s.code(),
                stock.available(s.warehouseCode(), read.product().sku()))).orElse(null));
    }
}
