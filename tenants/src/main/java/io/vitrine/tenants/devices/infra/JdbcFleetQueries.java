package io.vitrine.tenants.devices.infra;

import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.kernel.time.infra.SqlInstants;
import io.vitrine.tenants.devices.DarkStore;
import io.vitrine.tenants.devices.DeviceFilter;
import io.vitrine.tenants.devices.DeviceKind;
import io.vitrine.tenants.devices.DeviceStatus;
import io.vitrine.tenants.devices.FleetDevice;
import io.vitrine.tenants.devices.FleetQueries;
import io.vitrine.tenants.devices.FleetSort;
import io.vitrine.tenants.devices.FleetState;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fleet status in SQL over {@code devices} (and {@code stores} for names). Hand-written, so every
 * statement carries {@code tenant_id = ?} itself; the state of a device is one SQL expression
 * ({@link #STATE}) used for listing, filtering and counting alike.
 */
@Singleton
class JdbcFleetQueries implements FleetQueries {

    /** ONLINE / OFFLINE / PENDING_PAIRING / REVOKED; its one parameter is the online-since instant. */
    private static final String STATE = "CASE WHEN status = 'ACTIVE' AND last_seen_at >= ? THEN 'ONLINE' "
            + "WHEN status = 'ACTIVE' THEN 'OFFLINE' ELSE status END";

    /** Per store: its ACTIVE kiosks and when the last of them was seen, only where none is online. */
    private static final String DARK_STORES = "SELECT store_code, COUNT(*) AS kiosks, MAX(last_seen_at) AS last_seen "
            + "FROM devices WHERE tenant_id = ? AND kind = 'KIOSK' AND status = 'ACTIVE' AND store_code IS NOT NULL "
            + "GROUP BY store_code HAVING MAX(last_seen_at) IS NULL OR MAX(last_seen_at) < ?";

    /** Never-seen devices sort as the longest silent: NULL is lowest on MariaDB and on H2 (MySQL mode) alike. */
    private static final Map<FleetSort, String> ORDER = Map.of(
            FleetSort.STORE, "store_code, device_key",
            FleetSort.LAST_SEEN, "last_seen_at, device_key",
            FleetSort.LAST_SEEN_DESC, "last_seen_at DESC, device_key");

    private final DeviceSql sql;

    JdbcFleetQueries(DeviceSql sql) {
        this.sql = sql;
    }

    @Override
    public long count(TenantId tenant, DeviceFilter filter, Instant onlineSince) {
        Statement where = where(tenant, filter, onlineSince);
        return single(new Statement("SELECT COUNT(*) FROM devices" + where.sql, where.parameters));
    }

    @Override
    public List<FleetDevice> page(TenantId tenant, DeviceFilter filter, Instant onlineSince, long offset, int limit) {
        Statement where = where(tenant, filter, onlineSince);
        List<Object> parameters = new ArrayList<>();
        parameters.add(SqlInstants.text(onlineSince));
        parameters.addAll(where.parameters);
        parameters.add(limit);
        parameters.add(offset);
        String sql = "SELECT device_key, kind, store_code, status, " + STATE + " AS fleet_state, last_seen_at, "
                + "app_version, created_at FROM devices" + where.sql
                + " ORDER BY " + ORDER.get(filter.sort()) + " LIMIT ? OFFSET ?";
        return query(new Statement(sql, parameters), row -> new FleetDevice(row.getString(1),
                DeviceKind.valueOf(row.getString(2)), row.getString(3), DeviceStatus.valueOf(row.getString(4)),
                FleetState.valueOf(row.getString(5)), SqlInstants.read(row, 6), row.getString(7),
                SqlInstants.read(row, 8)));
    }

    @Override
    public List<StateCount> counts(TenantId tenant, Instant onlineSince) {
        String sql = "SELECT kind, fleet_state, COUNT(*) FROM (SELECT kind, " + STATE + " AS fleet_state "
                + "FROM devices WHERE tenant_id = ?) states GROUP BY kind, fleet_state";
        return query(new Statement(sql, List.of(SqlInstants.text(onlineSince), tenant.value())),
                row -> new StateCount(DeviceKind.valueOf(row.getString(1)), FleetState.valueOf(row.getString(2)),
                        row.getLong(3)));
    }

    @Override
    public long countDarkStores(TenantId tenant, Instant onlineSince) {
        return single(new Statement("SELECT COUNT(*) FROM (" + DARK_STORES + ") dark",
                List.of(tenant.value(), SqlInstants.text(onlineSince))));
    }

    @Override
    public List<DarkStore> darkStores(TenantId tenant, Instant onlineSince, long offset, int limit) {
        String sql = "SELECT dark.store_code, s.name, dark.kiosks, dark.last_seen FROM (" + DARK_STORES + ") dark "
                + "LEFT JOIN stores s ON s.tenant_id = ? AND s.code = dark.store_code "
                + "ORDER BY dark.store_code LIMIT ? OFFSET ?";
        return query(new Statement(sql, List.of(tenant.value(), SqlInstants.text(onlineSince), tenant.value(), limit,
                offset)), row -> new DarkStore(row.getString(1), row.getString(2), row.getInt(3), SqlInstants.read(row, 4)));
    }

    /** The WHERE clause of a listing: always the tenant, then each filter that is set. */
    private static Statement where(TenantId tenant, DeviceFilter filter, Instant onlineSince) {
        StringBuilder sql = new StringBuilder(" WHERE tenant_id = ?");
        List<Object> parameters = new ArrayList<>(List.of(tenant.value()));
        if (filter.kind() != null) {
            sql.append(" AND kind = ?");
            parameters.add(filter.kind().name());
        }
        if (filter.storeCode() != null) {
            sql.append(" AND store_code = ?");
            parameters.add(filter.storeCode());
        }
        if (filter.appVersion() != null) {
            sql.append(" AND app_version = ?");
            parameters.add(filter.appVersion());
        }
        if (filter.state() != null) {
            sql.append(" AND ").append(STATE).append(" = ?");
            parameters.add(SqlInstants.text(onlineSince));
            parameters.add(filter.state().name());
        }
        return new Statement(sql.toString(), parameters);
    }

    private long single(Statement statement) {
        return sql.single(statement.sql, statement.parameters);
    }

    private <T> List<T> query(Statement statement, DeviceSql.Row<T> mapper) {
        return sql.query(statement.sql, statement.parameters, mapper);
    }

    private record Statement(String sql, List<Object> parameters) {
    }
}
