package io.vitrine.tenants.devices;

import java.time.Instant;

/**
 * Records that a device was seen (platform-wide by its key: the device's request already proved its
 * tenant). Implemented in {@code infra}.
 */
public interface DeviceSightings {

    void seen(String deviceKey, Instant at);
}
