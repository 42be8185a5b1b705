package io.vitrine.catalog.storefront.infra;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.vitrine.catalog.products.Product;

import java.util.Collection;
import java.util.List;

/** The current tenant's products by id (generated, so filtered by tenant like every generated query). */
@JdbcRepository(dialect = Dialect.MYSQL)
interface ShopperProductRows extends GenericRepository<Product, String> {

    List<Product> findByIdIn(Collection<String> ids);
}
