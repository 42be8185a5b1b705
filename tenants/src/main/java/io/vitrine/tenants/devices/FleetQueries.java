package io.vitrine.tenants.devices;

import io.vitrine.kernel.tenancy.TenantId;

import java.time.Instant;
import java.util.List;

/**
 * The fleet status computed by the database (a retailer has thousands of devices: counts and pages, never
 * every row in memory). Every query names the tenant. {@code onlineSince}: a device ACTIVE and seen at or
 * after it is ONLINE. Implemented in {@code infra}.
 */
public interface FleetQueries {

    long count(TenantId tenant, DeviceFilter filter, Instant onlineSince);

    /** Ordered by store code (partners first), then device key. */
    List<FleetDevice> page(TenantId tenant, DeviceFilter filter, Instant onlineSince, long offset, int limit);

    /** One row per (kind, state) that has devices. */
    List<StateCount> counts(TenantId tenant, Instant onlineSince);

    long countDarkStores(TenantId tenant, Instant onlineSince);

    /** Ordered by store code. */
    List<DarkStore> darkStores(TenantId tenant, Instant onlineSince, long offset, int limit);

    record StateCount(DeviceKind kind, FleetState state, long devices) {
    }
}
