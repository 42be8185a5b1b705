package io.vitrine.catalog.reindex;

import io.vitrine.catalog.products.Product;
import io.vitrine.kernel.tenancy.TenantId;

import java.util.List;

/** Reads the products table in SKU order for the reindex job. Implemented in {@code infra}. */
public interface ProductBatches {

    /**
     * Up to {@code limit} of the tenant's products after {@code afterSku}, their rows locked until the caller's
     * transaction ends (a change to them waits, and its search-index delivery comes after).
     */
    List<Product> lockNextBatch(TenantId tenant, String afterSku, int limit);

    /** As {@link #lockNextBatch} without locking. */
    List<Product> nextBatch(TenantId tenant, String afterSku, int limit);

    /** Whether the tenant has the SKU now, locking its row if so. */
    boolean lockIfExists(TenantId tenant, String sku);

    long count(TenantId tenant);

    /** Every tenant with at least one product: only the whole-index rebuild reads across tenants. */
    List<TenantId> tenantsWithProducts();
}
