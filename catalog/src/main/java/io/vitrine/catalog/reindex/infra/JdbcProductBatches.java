package io.vitrine.catalog.reindex.infra;

import io.vitrine.catalog.products.Product;
import io.vitrine.catalog.reindex.ProductBatches;
import io.vitrine.kernel.tenancy.TenantId;
import jakarta.inject.Singleton;

import java.util.List;

@Singleton
class JdbcProductBatches implements ProductBatches {

    private final ReindexProductRows rows;

    JdbcProductBatches(ReindexProductRows rows) {
        this.rows = rows;
    }

    @Override
    public List<Product> lockNextBatch(TenantId tenant, String afterSku, int limit) {
        return rows.lockBatchAfter(tenant.value(), afterSku, limit);
    }

    @Override
    public List<Product> nextBatch(TenantId tenant, String afterSku, int limit) {
        return rows.batchAfter(tenant.value(), afterSku, limit);
    }

    @Override
    public boolean lockIfExists(TenantId tenant, String sku) {
        return !rows.lockSku(tenant.value(), sku).isEmpty();
    }

    @Override
    public long count(TenantId tenant) {
        return rows.countOf(tenant.value());
    }

    @Override
    public List<TenantId> tenantsWithProducts() {
        return rows.tenantsWithProducts().stream().map(TenantId::of).toList();
    }
}
