package io.vitrine.catalog.positivelist.infra;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.vitrine.catalog.positivelist.PositiveListEntryRepository;

@JdbcRepository(dialect = Dialect.MYSQL)
interface JdbcPositiveListEntryRepository extends PositiveListEntryRepository {
}
