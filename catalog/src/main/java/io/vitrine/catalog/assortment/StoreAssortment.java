package io.vitrine.catalog.assortment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TenantId;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import io.vitrine.kernel.time.UtcDatetimeText;

import java.time.Instant;

/**
 * A store that has an assortment: the row replacements lock, with how many SKUs it shows, who set them, and the
 * list's {@code version} (0 for a store never given one; raised by every change), which a save may name to be
 * refused when the list changed since it was read.
 */
@MappedEntity("store_assortments")
public record StoreAssortment(@Id String id,
                              @TenantId @Nullable String tenantId,
                              String storeCode,
                              int skuCount,
                              @TypeDef(type = DataType.STRING, converter = UtcDatetimeText.class) Instant updatedAt,
                              String updatedBy,
                              long version) {

    StoreAssortment replaced(int count, Instant at, String by) {
        return new StoreAssortment(id, tenantId, storeCode, count, at, by, version + 1);
    }
}
