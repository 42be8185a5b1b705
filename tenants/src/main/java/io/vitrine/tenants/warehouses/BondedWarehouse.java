package io.vitrine.tenants.warehouses;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import io.vitrine.kernel.time.UtcDatetimeText;

import java.time.Instant;

/**
 * A bonded warehouse a park registered; its members stock goods in it. Platform-wide by nature
 * (architecture.md "Tenancy"): it belongs to the park ({@code parkId}), not to one member, and is
 * read through {@link ParkWarehouses}, which names the park.
 */
@MappedEntity("bonded_warehouses")
public record BondedWarehouse(@Id String id,
                              String parkId,
                              String code,
                              String name,
                              String emsNo,
                              String customsCode,
                              String areaCode,
                              String operatorUscc,
                              @TypeDef(type = DataType.STRING, converter = UtcDatetimeText.class) Instant createdAt) {
}
