package io.vitrine.tenants.devices;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/** One device as the fleet status lists it: what it is, where, and its state when the page was read. */
public record FleetDevice(String deviceKey,
                          DeviceKind kind,
                          @Nullable String storeCode,
                          DeviceStatus status,
                          FleetState state,
                          @Nullable Instant lastSeenAt,
                          @Nullable String appVersion,
                          Instant createdAt) {

    public boolean online() {
        return state == FleetState.ONLINE;
    }
}
