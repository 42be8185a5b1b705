package io.vitrine.catalog.assortment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TenantId;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import io.vitrine.kernel.time.UtcDatetimeText;

import java.time.Instant;

/** A store that has an assortment: the row replacements lock, with how many SKUs it shows and who set them. */
@MappedEntity("store_assortments")
public record StoreAssortment(@Id String id,
                              @TenantId @Nullable String tenantId,
                              String storeCode,
                              int skuCount,
                              @TypeDef(type = DataType.STRING, converter = UtcDatetimeText.class) Instant updatedAt,
                              String updatedBy) {

    StoreAssortment replaced(int count, Instant at, String by) {
        return new StoreAssortment(id, tenantId, storeCode, count, at, by);
    }
}
