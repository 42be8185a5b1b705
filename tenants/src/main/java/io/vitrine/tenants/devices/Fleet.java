package io.vitrine.tenants.devices;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.error.FieldChecks;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.kernel.tenancy.CurrentTenant;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.tenants.stores.StoreRepository;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The current tenant's fleet status (issue #3 "heartbeats feed the fleet status"): devices by state, kind
 * and store, page by page; counts per kind and state; the stores whose kiosks are all offline. Computed
 * in SQL ({@link FleetQueries}), so a retailer with thousands of devices costs a count and a page.
 */
@Singleton
public class Fleet {

    private final FleetQueries queries;
    private final StoreRepository stores;
    private final CurrentTenant currentTenant;
    private final OnlineWindow onlineWindow;

    public Fleet(FleetQueries queries, StoreRepository stores, CurrentTenant currentTenant, OnlineWindow onlineWindow) {
        this.queries = queries;
        this.stores = stores;
        this.currentTenant = currentTenant;
        this.onlineWindow = onlineWindow;
    }

    /**
     * One page of devices. {@code status}: online, offline, pending or revoked; {@code kind}: KIOSK, POS or
     * PARTNER; {@code storeCode}: one of the tenant's stores (another is 404, like an unknown one).
     */
    @Transactional(readOnly = true)
    public Page<FleetDevice> devices(@Nullable String status, @Nullable String kind, @Nullable String storeCode,
                                     int page, int size) {
        return devices(status, kind, storeCode, null, null, page, size);
    }

    /**
     * As {@link #devices(String, String, String, int, int)}, also filtered by the exact {@code appVersion} a device
     * last reported and ordered by {@code sort}: store (default), lastSeen (longest silent first) or -lastSeen.
     */
    @Transactional(readOnly = true)
    public Page<FleetDevice> devices(@Nullable String status, @Nullable String kind, @Nullable String storeCode,
                                     @Nullable String appVersion, @Nullable String sort, int page, int size) {
        TenantId tenant = currentTenant.require();
        DeviceFilter filter = filter(status, kind, storeCode, appVersion, sort);
        if (filter.storeCode() != null && !stores.existsByCode(filter.storeCode())) {
            throw new NotFoundException("No such store.");
        }
        Instant since = onlineSince();
        long total = queries.count(tenant, filter, since);
        List<FleetDevice> items = total == 0 ? List.of()
                : queries.page(tenant, filter, since, (long) page * size, size);
        return Page.of(items, Pageable.from(page, size), total);
    }

    /** Devices per kind and state; every kind is listed. */
    @Transactional(readOnly = true)
    public FleetSummary summary() {
        TenantId tenant = currentTenant.require();
        Map<DeviceKind, long[]> counts = new EnumMap<>(DeviceKind.class);
        Arrays.stream(DeviceKind.values()).forEach(kind -> counts.put(kind, new long[FleetState.values().length]));
        for (FleetQueries.StateCount count : queries.counts(tenant, onlineSince())) {
            counts.get(count.kind())[count.state().ordinal()] += count.devices();
        }
        return new FleetSummary(counts.entrySet().stream()
                .map(e -> new FleetSummary.KindCounts(e.getKey(), e.getValue()[FleetState.ONLINE.ordinal()],
                        e.getValue()[FleetState.OFFLINE.ordinal()], e.getValue()[FleetState.PENDING_PAIRING.ordinal()],
                        e.getValue()[FleetState.REVOKED.ordinal()]))
                .toList());
    }

    /** Stores with paired kiosks of which none is online, by store code. */
    @Transactional(readOnly = true)
    public Page<DarkStore> darkStores(int page, int size) {
        TenantId tenant = currentTenant.require();
        Instant since = onlineSince();
        long total = queries.countDarkStores(tenant, since);
        List<DarkStore> items = total == 0 ? List.of() : queries.darkStores(tenant, since, (long) page * size, size);
        return Page.of(items, Pageable.from(page, size), total);
    }

    private Instant onlineSince() {
        return onlineWindow.onlineSince();
    }

    private static DeviceFilter filter(@Nullable String status, @Nullable String kind, @Nullable String storeCode,
                                       @Nullable String appVersion, @Nullable String sort) {
        FieldChecks checks = new FieldChecks();
        FleetState state = null;
        if (status != null && !status.isBlank()) {
            state = FleetState.ofFilterWord(status.strip()).orElse(null);
            if (state == null) {
                checks.fail("status", "DEVICE_STATUS_FILTER", "online, offline, pending or revoked");
            }
        }
        DeviceKind deviceKind = kind == null || kind.isBlank() ? null : checks.oneOf("kind", kind, DeviceKind.class);
        String code = checks.optionalText("storeCode", storeCode, 32);
        String version = checks.optionalText("appVersion", appVersion, 64);
        FleetSort order = FleetSort.STORE;
        if (sort != null && !sort.isBlank()) {
            order = FleetSort.ofWord(sort.strip()).orElse(null);
            if (order == null) {
                checks.fail("sort", "DEVICE_SORT", "store, lastSeen or -lastSeen");
            }
        }
        checks.throwIfAny();
        return new DeviceFilter(state, deviceKind, code, version, order);
    }
}
