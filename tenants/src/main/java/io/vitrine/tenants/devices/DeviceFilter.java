package io.vitrine.tenants.devices;

import io.micronaut.core.annotation.Nullable;

/**
 * Which devices a fleet listing shows, and in which order; a null part does not filter.
 * {@code appVersion} is the exact version a device last reported.
 */
public record DeviceFilter(@Nullable FleetState state, @Nullable DeviceKind kind, @Nullable String storeCode,
                           @Nullable String appVersion, FleetSort sort) {

    public DeviceFilter {
        sort = sort == null ? FleetSort.STORE : sort;
    }

    public DeviceFilter(@Nullable FleetState state, @Nullable DeviceKind kind, @Nullable String storeCode) {
        this(state, kind, storeCode, null, FleetSort.STORE);
    }

    public static DeviceFilter all() {
        return new DeviceFilter(null, null, null);
    }
}
