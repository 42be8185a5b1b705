package io.vitrine.catalog.assortment.infra;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.vitrine.catalog.assortment.StoreAssortmentRepository;

@JdbcRepository(dialect = Dialect.MYSQL)
interface JdbcStoreAssortmentRepository extends StoreAssortmentRepository {
}
