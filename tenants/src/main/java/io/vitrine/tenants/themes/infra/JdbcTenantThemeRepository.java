package io.vitrine.tenants.themes.infra;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.vitrine.tenants.themes.TenantThemeRepository;

@JdbcRepository(dialect = Dialect.MYSQL)
interface JdbcTenantThemeRepository extends TenantThemeRepository {
}
