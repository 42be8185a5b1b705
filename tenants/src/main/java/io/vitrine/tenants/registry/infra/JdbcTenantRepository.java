package io.vitrine.tenants.registry.infra;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.vitrine.tenants.registry.TenantRepository;

@JdbcRepository(dialect = Dialect.MYSQL)
interface JdbcTenantRepository extends TenantRepository {
}
