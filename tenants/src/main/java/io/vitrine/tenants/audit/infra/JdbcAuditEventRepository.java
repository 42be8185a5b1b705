package io.vitrine.tenants.audit.infra;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.vitrine.tenants.audit.AuditEventRepository;

@JdbcRepository(dialect = Dialect.MYSQL)
interface JdbcAuditEventRepository extends AuditEventRepository {
}
