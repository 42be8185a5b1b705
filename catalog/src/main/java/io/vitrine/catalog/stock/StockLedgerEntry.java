package io.vitrine.catalog.stock;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TenantId;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import io.vitrine.kernel.time.UtcDatetimeText;

import java.time.Instant;

/**
 * One change of on-hand stock, written in the transaction of the change: the audit trail of stock. Ids are
 * time-ordered, so the ledger reads in the order the changes committed on each row (they lock it).
 *
 * @param actorId staff id, or {@code system} for sales
 */
@MappedEntity("stock_ledger")
public record StockLedgerEntry(@Id String id,
                               @TenantId @Nullable String tenantId,
                               String warehouseCode,
                               String sku,
                               StockMovement movement,
                               long delta,
                               long onHandAfter,
                               String reason,
                               String actorId,
                               @Nullable String actorName,
                               @TypeDef(type = DataType.STRING, converter = UtcDatetimeText.class) Instant occurredAt) {
}
