package io.vitrine.tenants.stores;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TenantId;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import io.vitrine.kernel.time.UtcDatetimeText;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A merchant's store, found by its {@code code} (unique per tenant; devices and bulk imports name
 * stores by it). It is served from one bonded warehouse of the merchant's park.
 */
@MappedEntity("stores")
public record Store(@Id String id,
                    @TenantId @Nullable String tenantId,
                    String code,
                    String name,
                    StoreKind kind,
                    String address,
                    String districtCode,
                    @Nullable BigDecimal lat,
                    @Nullable BigDecimal lng,
                    String warehouseCode,
                    @TypeDef(type = DataType.STRING, converter = UtcDatetimeText.class) Instant createdAt,
                    @TypeDef(type = DataType.STRING, converter = UtcDatetimeText.class) Instant updatedAt) {
}
