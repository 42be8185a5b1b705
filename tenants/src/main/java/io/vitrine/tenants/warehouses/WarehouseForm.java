package io.vitrine.tenants.warehouses;

import io.micronaut.core.annotation.Nullable;

/** A bonded warehouse as a park admin sends it (api.md). */
public record WarehouseForm(@Nullable String code,
                            @Nullable String name,
                            @Nullable String emsNo,
                            @Nullable String customsCode,
                            @Nullable String areaCode,
                            @Nullable String operatorUscc) {
}
