package io.vitrine.catalog.positivelist.infra;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.vitrine.catalog.positivelist.PositiveListImportRepository;

@JdbcRepository(dialect = Dialect.MYSQL)
interface JdbcPositiveListImportRepository extends PositiveListImportRepository {
}
