package io.vitrine.tenants.stores.provisioning.infra;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.vitrine.tenants.stores.provisioning.CredentialFileRepository;

@JdbcRepository(dialect = Dialect.MYSQL)
interface JdbcCredentialFileRepository extends CredentialFileRepository {
}
