package io.vitrine.catalog.assortment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TenantId;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import io.vitrine.kernel.time.UtcDatetimeText;

import java.time.Instant;

/** A SKU a store shows, since {@code addedAt}. */
@MappedEntity("store_assortment_skus")
public record AssortedSku(@Id String id,
                          @TenantId @Nullable String tenantId,
                          String storeCode,
                          String sku,
                          @TypeDef(type = DataType.STRING, converter = UtcDatetimeText.class) Instant addedAt) {
}
