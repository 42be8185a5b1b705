package io.vitrine.tenants.settings.infra;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.vitrine.tenants.settings.TenantSettingsRepository;

@JdbcRepository(dialect = Dialect.MYSQL)
interface JdbcTenantSettingsRepository extends TenantSettingsRepository {
}
