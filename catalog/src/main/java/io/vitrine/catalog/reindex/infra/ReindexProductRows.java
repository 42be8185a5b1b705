package io.vitrine.catalog.reindex.infra;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.vitrine.catalog.products.Product;

import java.util.List;

/**
 * Hand-written queries for the reindex job: each names its tenant itself (a hand-written query gets no tenant
 * filter), except {@link #tenantsWithProducts()}, which reads across tenants on purpose.
 */
@JdbcRepository(dialect = Dialect.MYSQL)
interface ReindexProductRows extends GenericRepository<Product, String> {

    @Query("SELECT * FROM products WHERE tenant_id = :tenant AND sku > :after ORDER BY sku LIMIT :limit FOR UPDATE")
    List<Product> lockBatchAfter(String tenant, String after, int limit);

    @Query("SELECT * FROM products WHERE tenant_id = :tenant AND sku > :after ORDER BY sku LIMIT :limit")
    List<Product> batchAfter(String tenant, String after, int limit);

    @Query("SELECT sku FROM products WHERE tenant_id = :tenant AND sku = :sku FOR UPDATE")
    List<String> lockSku(String tenant, String sku);

    @Query("SELECT COUNT(*) FROM products WHERE tenant_id = :tenant")
    long countOf(String tenant);

    @Query("SELECT DISTINCT tenant_id FROM products ORDER BY tenant_id")
    List<String> tenantsWithProducts();
}
