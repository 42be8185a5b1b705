package io.vitrine.catalog.storefront;

import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;

import java.util.OptionalLong;

/**
 * Stock and assortment not wired in yet: everything is unknown. Any other {@link StoreShelves} bean (the stock
 * and assortment feature's) takes precedence over this one.
 */
@Singleton
@Secondary
class UnwiredStoreShelves implements StoreShelves {

    @Override
    public boolean assortmentIndexed() {
        return false;
    }

    @Override
    public boolean stockIndexed() {
        return false;
    }

    @Override
    public OptionalLong availableAt(String storeCode, String warehouseCode, String sku) {
        return OptionalLong.empty();
    }
}
