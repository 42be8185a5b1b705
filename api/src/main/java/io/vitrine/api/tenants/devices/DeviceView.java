package io.vitrine.api.tenants.devices;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.vitrine.tenants.devices.FleetDevice;

import java.time.Instant;

/** A device in a fleet listing: a retailer's own, or what a park admin reads of a member's. */
@Serdeable
public record DeviceView(String deviceKey, String kind, @Nullable String storeCode, String status, boolean online,
                         @Nullable Instant lastSeenAt, @Nullable String appVersion) {

    public static DeviceView of(FleetDevice d) {
        return new DeviceView(d.deviceKey(), d.kind().name(), d.storeCode(), d.status().name(), d.online(),
                d.lastSeenAt(), d.appVersion());
    }
}
