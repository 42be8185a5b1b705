package io.vitrine.tenants.devices.infra;

import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.kernel.time.infra.SqlInstants;
import io.vitrine.tenants.devices.DeviceKind;
import io.vitrine.tenants.devices.DeviceStatus;
import io.vitrine.tenants.devices.OfflineEpisodes;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Offline episodes on {@code devices.offline_since} (V43). The finders are the platform's, across tenants (each row
 * names its tenant; the store's name and the tenant's offline threshold are joined within it), served by {@code ix_devices_watch} and
 * {@code ix_devices_offline_since}; the claims name the tenant and change a row only from the state it was read in.
 */
@Singleton
class JdbcOfflineEpisodes implements OfflineEpisodes {

    private static final String SELECT = "SELECT d.tenant_id, d.device_key, d.kind, d.store_code, s.name, d.status, "
            + "d.last_seen_at, d.offline_since FROM devices d "
            + "LEFT JOIN stores s ON s.tenant_id = d.tenant_id AND s.code = d.store_code ";

    private final DeviceSql sql;

    JdbcOfflineEpisodes(DeviceSql sql) {
        this.sql = sql;
    }

    /**
     * Each tenant's window applied to the row ({@code tenant_settings.device_offline_minutes}, else the default);
     * {@code last_seen_at < now - shortest} keeps the read to one range of {@code ix_devices_watch}.
     */
    @Override
    public List<Episode> starting(Instant now, Duration defaultWindow, Duration shortestWindow, int limit) {
        return sql.query(SELECT + "LEFT JOIN tenant_settings ts ON ts.tenant_id = d.tenant_id "
                + "WHERE d.status = 'ACTIVE' AND d.offline_since IS NULL AND d.last_seen_at < ? "
                + "AND TIMESTAMPADD(SECOND, COALESCE(ts.device_offline_minutes * 60, ?), d.last_seen_at) < ? "
                + "ORDER BY d.last_seen_at, d.device_key LIMIT ?",
                List.of(SqlInstants.text(now.minus(shortestWindow)), defaultWindow.toSeconds(), SqlInstants.text(now),
                        limit), JdbcOfflineEpisodes::episode);
    }

    @Override
    public List<Episode> ending(int limit) {
        return sql.query(SELECT + "WHERE d.offline_since IS NOT NULL "
                + "AND (d.status <> 'ACTIVE' OR d.last_seen_at > d.offline_since) "
                + "ORDER BY d.offline_since, d.device_key LIMIT ?", List.of(limit), JdbcOfflineEpisodes::episode);
    }

    @Override
    public boolean open(TenantId tenant, String deviceKey, Instant lastSeenAt) {
        return sql.update("UPDATE devices SET offline_since = last_seen_at WHERE tenant_id = ? AND device_key = ? "
                + "AND status = 'ACTIVE' AND offline_since IS NULL AND last_seen_at = ?",
                List.of(tenant.value(), deviceKey, SqlInstants.text(lastSeenAt))) == 1;
    }

    @Override
    public boolean close(TenantId tenant, String deviceKey, Instant offlineSince) {
        return sql.update("UPDATE devices SET offline_since = NULL WHERE tenant_id = ? AND device_key = ? "
                + "AND offline_since = ?", List.of(tenant.value(), deviceKey, SqlInstants.text(offlineSince))) == 1;
    }

    private static Episode episode(ResultSet row) throws SQLException {
        return new Episode(TenantId.of(row.getString(1)), row.getString(2), DeviceKind.valueOf(row.getString(3)),
                row.getString(4), row.getString(5), DeviceStatus.valueOf(row.getString(6)), SqlInstants.read(row, 7),
                SqlInstants.read(row, 8));
    }
}
