package io.vitrine.tenants.devices;

import io.micronaut.core.annotation.Nullable;

/** Which devices a fleet listing shows; a null part does not filter. */
public record DeviceFilter(@Nullable FleetState state, @Nullable DeviceKind kind, @Nullable String storeCode) {

    public static DeviceFilter all() {
        return new DeviceFilter(null, null, null);
    }
}
