package io.vitrine.tenants.warehouses.infra;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.vitrine.tenants.warehouses.BondedWarehouseRepository;

@JdbcRepository(dialect = Dialect.MYSQL)
interface JdbcBondedWarehouseRepository extends BondedWarehouseRepository {
}
