package io.vitrine.catalog.products.infra;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.vitrine.catalog.products.ProductRepository;

@JdbcRepository(dialect = Dialect.MYSQL)
interface JdbcProductRepository extends ProductRepository {
}
