package io.vitrine.tenants.devices.infra;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.WithoutTenantId;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.vitrine.tenants.devices.Device;

import java.time.Instant;
import java.util.Optional;

/**
 * Devices by key across all tenants: a signed request names only its key, and the key's row names the
 * tenant. Only the verifier's lookup and the last-seen mark use it.
 */
@JdbcRepository(dialect = Dialect.MYSQL)
interface DeviceKeyDirectory extends GenericRepository<Device, String> {

    @WithoutTenantId
    Optional<Device> findByDeviceKey(String deviceKey);

    @WithoutTenantId
    @Query("UPDATE devices SET last_seen_at = :lastSeenAt WHERE device_key = :deviceKey")
    void markSeen(String deviceKey, Instant lastSeenAt);
}
