package io.vitrine.tenants.stores;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;

/** A store as a retailer admin sends it (api.md); validated by {@link Stores}. */
public record StoreForm(@Nullable String code,
                        @Nullable String name,
                        @Nullable String kind,
                        @Nullable String address,
                        @Nullable String district,
                        @Nullable BigDecimal lat,
                        @Nullable BigDecimal lng,
                        @Nullable String warehouseCode) {
}
