package io.vitrine.catalog.stock.infra;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.vitrine.catalog.stock.StockReservationLineRepository;

@JdbcRepository(dialect = Dialect.MYSQL)
interface JdbcStockReservationLineRepository extends StockReservationLineRepository {
}
