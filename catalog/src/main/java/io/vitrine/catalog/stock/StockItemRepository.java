package io.vitrine.catalog.stock;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The current tenant's stock rows: every generated query is filtered by it. Implemented in {@code infra}. */
public interface StockItemRepository extends GenericRepository<StockItem, String> {

    Optional<StockItem> findByWarehouseCodeAndSku(String warehouseCode, String sku);

    /** Locks the row until the transaction ends: every writer of stock goes through this. */
    Optional<StockItem> findByWarehouseCodeAndSkuForUpdate(String warehouseCode, String sku);

    /**
     * Locks the rows of these SKUs at one warehouse in one statement, in SKU order (the lock order of
     * {@code ReservationRequest}). Hand-written: the tenant is bound by the caller from the current tenant.
     */
    @Query("SELECT * FROM stock_levels WHERE tenant_id = :tenantId AND warehouse_code = :warehouseCode "
            + "AND sku IN (:skus) ORDER BY sku FOR UPDATE")
    List<StockItem> lockAll(String tenantId, String warehouseCode, Collection<String> skus);

    /**
     * Creates the row with nothing on hand unless it exists. Run it in a short transaction of its own
     * ({@code StockCounting.open}): on MariaDB a duplicate takes a shared lock, which must be gone before anyone
     * locks the row for update, or two writers holding it would deadlock. Hand-written: the tenant is bound by
     * the caller from the current tenant, never from a request.
     */
    @Query("INSERT IGNORE INTO stock_levels (id, tenant_id, warehouse_code, sku, on_hand, reserved, updated_at) "
            + "VALUES (:id, :tenantId, :warehouseCode, :sku, 0, 0, :updatedAt)")
    void insertIfAbsent(String id, String tenantId, String warehouseCode, String sku, Instant updatedAt);

    StockItem update(StockItem item);

    /** A product's empty row, when the product is deleted ({@code DeletedProductStock}). */
    void delete(StockItem item);

    Page<StockItem> findBySku(String sku, Pageable pageable);

    Page<StockItem> findAll(Pageable pageable);

    Page<StockItem> findByWarehouseCode(String warehouseCode, Pageable pageable);

    List<StockItem> findBySkuIn(Collection<String> skus);

    List<StockItem> findByWarehouseCodeAndSkuIn(String warehouseCode, Collection<String> skus);
}
