package io.vitrine.pos.fleet.infra;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.kernel.time.infra.SqlInstants;
import io.vitrine.pos.fleet.DeviceHeartbeat;
import io.vitrine.pos.fleet.DeviceStatuses;
import io.vitrine.pos.infra.PosSql;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** {@link DeviceStatuses} on {@code pos_device_status} (V40). */
@Singleton
class JdbcDeviceStatuses implements DeviceStatuses {

    private static final String COLUMNS = "SELECT device_key, store_code, last_seen_at, last_heartbeat_at, "
            + "app_version, clock_skew_ms FROM pos_device_status WHERE tenant_id = ? ";

    private final PosSql sql;

    JdbcDeviceStatuses(PosSql sql) {
        this.sql = sql;
    }

    @Override
    @Transactional
    @Nullable
    public String heartbeat(TenantId tenant, String deviceKey, String storeCode, Instant occurredAt, Instant receivedAt,
                          @Nullable String appVersion) {
        long skew = Duration.between(occurredAt, receivedAt).toMillis();
        Optional<DeviceHeartbeat> current = sql.query(COLUMNS + "AND device_key = ? FOR UPDATE", JdbcDeviceStatuses::map,
                List.of(tenant.value(), deviceKey)).stream().findFirst();
        if (current.isEmpty()) {
            // a concurrent first heartbeat of the same device loses on the primary key and its batch starts again
            sql.execute("INSERT INTO pos_device_status (tenant_id, device_key, store_code, last_seen_at, "
                    + "last_heartbeat_at, app_version, clock_skew_ms) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    Arrays.asList(tenant.value(), deviceKey, storeCode, receivedAt, occurredAt, appVersion, skew));
            return appVersion;
        }
        DeviceHeartbeat known = current.get();
        Instant seen = receivedAt.isAfter(known.lastSeenAt()) ? receivedAt : known.lastSeenAt();
        boolean later = occurredAt.isAfter(known.lastHeartbeatAt());
        sql.execute("UPDATE pos_device_status SET store_code = ?, last_seen_at = ?, last_heartbeat_at = ?, "
                        + "app_version = ?, clock_skew_ms = ? WHERE tenant_id = ? AND device_key = ?",
                Arrays.asList(storeCode, seen, later ? occurredAt : known.lastHeartbeatAt(),
                        later ? appVersion : known.appVersion(), later ? skew : known.clockSkew().toMillis(),
                        tenant.value(), deviceKey));
        return later ? appVersion : known.appVersion();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<DeviceHeartbeat> lastSeen(TenantId tenant, String deviceKey) {
        return sql.query(COLUMNS + "AND device_key = ?", JdbcDeviceStatuses::map, List.of(tenant.value(), deviceKey))
                .stream().findFirst();
    }

    @Override
    @Transactional(readOnly = true)
    public List<DeviceHeartbeat> list(TenantId tenant, @Nullable String storeCode) {
        return storeCode == null
                ? sql.query(COLUMNS + "ORDER BY device_key", JdbcDeviceStatuses::map, List.of(tenant.value()))
                : sql.query(COLUMNS + "AND store_code = ? ORDER BY device_key", JdbcDeviceStatuses::map,
                        List.of(tenant.value(), storeCode));
    }

    @Override
    @Transactional(readOnly = true)
    public List<DeviceHeartbeat> silentSince(TenantId tenant, Instant before) {
        return sql.query(COLUMNS + "AND last_seen_at < ? ORDER BY last_seen_at, device_key", JdbcDeviceStatuses::map,
                List.of(tenant.value(), before));
    }

    private static DeviceHeartbeat map(ResultSet row) throws SQLException {
        return new DeviceHeartbeat(row.getString(1), row.getString(2), SqlInstants.read(row, 3),
                SqlInstants.read(row, 4), row.getString(5), Duration.ofMillis(row.getLong(6)));
    }
}
