package io.vitrine.tenants.staff.infra;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.vitrine.tenants.staff.InvitationRepository;

@JdbcRepository(dialect = Dialect.MYSQL)
interface JdbcInvitationRepository extends InvitationRepository {
}
