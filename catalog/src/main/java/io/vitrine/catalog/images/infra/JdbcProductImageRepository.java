package io.vitrine.catalog.images.infra;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.vitrine.catalog.images.ProductImageRepository;

@JdbcRepository(dialect = Dialect.MYSQL)
interface JdbcProductImageRepository extends ProductImageRepository {
}
