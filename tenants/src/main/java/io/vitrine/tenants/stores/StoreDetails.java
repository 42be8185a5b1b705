package io.vitrine.tenants.stores;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.util.Objects;

/** A store's fields but its code, as {@link StoreRules} accepted them (trimmed, coordinates rounded to 6 decimals). */
public record StoreDetails(String name, StoreKind kind, String address, String districtCode, @Nullable BigDecimal lat,
                           @Nullable BigDecimal lng, String warehouseCode) {

    /** True when the store already has exactly these details (numbers compared by value: 22.5 = 22.500000). */
    public boolean sameAs(Store store) {
        return name.equals(store.name()) && kind == store.kind() && address.equals(store.address())
                && districtCode.equals(store.districtCode()) && sameNumber(lat, store.lat())
                && sameNumber(lng, store.lng()) && warehouseCode.equals(store.warehouseCode());
    }

    private static boolean sameNumber(@Nullable BigDecimal a, @Nullable BigDecimal b) {
        return a == null || b == null ? Objects.equals(a, b) : a.compareTo(b) == 0;
    }
}
