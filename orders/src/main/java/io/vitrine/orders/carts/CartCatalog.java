package io.vitrine.orders.carts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.catalog.assortment.StoreAssortments;
import io.vitrine.catalog.products.ProductRepository;
import io.vitrine.kernel.error.FieldChecks;
import io.vitrine.kernel.error.InvalidInputException;
import io.vitrine.orders.compliance.CartRule;
import io.vitrine.orders.compliance.CheckoutRefusedException;
import io.vitrine.orders.compliance.Refusal;
import io.vitrine.tenants.stores.Store;
import io.vitrine.tenants.stores.StoreRepository;
import jakarta.inject.Singleton;

/** What a cart may hold, asked of the current tenant's stores, products and assortments. */
@Singleton
class CartCatalog {

    private static final int MAX_CODE_LENGTH = 64;

    private final StoreRepository stores;
    private final ProductRepository products;
    private final StoreAssortments assortments;

    CartCatalog(StoreRepository stores, ProductRepository products, StoreAssortments assortments) {
        this.stores = stores;
        this.products = products;
        this.assortments = assortments;
    }

    /** The shop's store a cart is for: {@code storeCode} REQUIRED, UNKNOWN_STORE (400). */
    @Transactional(readOnly = true)
    Store store(@Nullable String storeCode) {
        FieldChecks checks = new FieldChecks();
        String code = checks.text("storeCode", storeCode, MAX_CODE_LENGTH);
        checks.throwIfAny();
        return stores.findByCode(code).orElseThrow(() -> InvalidInputException.of("storeCode", "UNKNOWN_STORE",
                "no store of this shop has this code"));
    }

    /**
     * 422 UNKNOWN_PRODUCT for a SKU the shop does not have, NOT_IN_ASSORTMENT for one the store does not sell (field
     * {@code sku}, in the shopper's language).
     */
    @Transactional(readOnly = true)
    void requireSellable(String storeCode, String sku) {
        if (sku.length() > MAX_CODE_LENGTH || !products.existsBySku(sku)) {
            throw refused(CartRule.UNKNOWN_PRODUCT, sku);
        }
        if (!assortments.contains(storeCode, sku)) {
            throw refused(CartRule.NOT_IN_ASSORTMENT, sku);
        }
    }

    private static CheckoutRefusedException refused(CartRule rule, String sku) {
        return CheckoutRefusedException.of(new Refusal(rule, "sku",
                sku.length() > MAX_CODE_LENGTH ? sku.substring(0, MAX_CODE_LENGTH) + "…" : sku, null));
    }
}
