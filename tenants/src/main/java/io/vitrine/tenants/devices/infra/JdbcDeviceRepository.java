package io.vitrine.tenants.devices.infra;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.vitrine.tenants.devices.DeviceRepository;

@JdbcRepository(dialect = Dialect.MYSQL)
interface JdbcDeviceRepository extends DeviceRepository {
}
