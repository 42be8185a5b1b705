package io.vitrine.tenants.stores.infra;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.vitrine.tenants.stores.StoreScopeRepository;

@JdbcRepository(dialect = Dialect.MYSQL)
interface JdbcStoreScopeRepository extends StoreScopeRepository {
}
