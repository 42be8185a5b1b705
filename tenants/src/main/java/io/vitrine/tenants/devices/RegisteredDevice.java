package io.vitrine.tenants.devices;

import io.micronaut.core.annotation.Nullable;

/**
 * What registration (or rotation) answers, shown this once: a signing device's secret, or a kiosk's
 * one-time pairing code.
 */
public record RegisteredDevice(Device device, @Nullable String secret, @Nullable String pairingCode) {

    @Override
    public String toString() {
        return "RegisteredDevice[" + device.deviceKey() + "]";
    }
}
