package io.vitrine.catalog.assortment;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Optional;

/** The current tenant's stores with an assortment: generated queries are filtered by it. Implemented in {@code infra}. */
public interface StoreAssortmentRepository extends GenericRepository<StoreAssortment, String> {

    /** Locks the store's assortment: replacements of one store run one after the other. */
    Optional<StoreAssortment> findByStoreCodeForUpdate(String storeCode);

    Optional<StoreAssortment> findByStoreCode(String storeCode);

    /**
     * Creates the store's row (no SKUs yet) unless it exists; an upsert, so racing first replacements queue on
     * its exclusive lock. Hand-written: the tenant is bound by the caller from the current tenant.
     */
    @Query("INSERT INTO store_assortments (id, tenant_id, store_code, sku_count, updated_at, updated_by, version) "
            + "VALUES (:id, :tenantId, :storeCode, 0, :updatedAt, :updatedBy, 0) "
            + "ON DUPLICATE KEY UPDATE store_code = store_code")
    void insertIfAbsent(String id, String tenantId, String storeCode, Instant updatedAt, String updatedBy);

    StoreAssortment update(StoreAssortment assortment);
}
