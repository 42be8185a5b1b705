package io.vitrine.tenants.onboarding.infra;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.vitrine.tenants.onboarding.ApplicationDocumentRepository;

@JdbcRepository(dialect = Dialect.MYSQL)
interface JdbcApplicationDocumentRepository extends ApplicationDocumentRepository {
}
