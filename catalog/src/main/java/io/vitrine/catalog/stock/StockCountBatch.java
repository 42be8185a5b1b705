package io.vitrine.catalog.stock;

import java.util.List;

/**
 * Writes the new counts (on hand, reserved, updated at) of stock rows the caller's transaction has locked, in one
 * JDBC batch: one round trip however many lines a reservation has. Each row is bound to its own tenant. Implemented
 * in {@code infra} (micronaut-data's {@code updateAll} does not bind {@code @TenantId} entities).
 */
public interface StockCountBatch {

    void update(List<StockItem> rows);
}
