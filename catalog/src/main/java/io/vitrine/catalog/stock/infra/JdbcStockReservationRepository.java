package io.vitrine.catalog.stock.infra;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.vitrine.catalog.stock.StockReservationRepository;

@JdbcRepository(dialect = Dialect.MYSQL)
interface JdbcStockReservationRepository extends StockReservationRepository {
}
