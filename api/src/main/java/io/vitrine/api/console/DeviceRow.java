package io.vitrine.api.console;

import io.vitrine.tenants.devices.Device;
import io.vitrine.tenants.devices.DeviceStatus;
import io.vitrine.tenants.devices.FleetDevice;

/**
 * A device as the fleet pages show it: its {@code state} is the fleet status word (online, offline, pending,
 * revoked); {@code rotatable} and {@code revocable} say which buttons its row gets on the retailer's page.
 */
public record DeviceRow(String deviceKey, String kind, String storeCode, String state, String lastSeenAt,
                        String appVersion, boolean rotatable, boolean revocable) {

    public static DeviceRow of(FleetDevice d) {
        boolean revoked = d.status() == DeviceStatus.REVOKED;
        return new DeviceRow(d.deviceKey(), d.kind().name(), d.storeCode() == null ? "" : d.storeCode(),
                d.state().filterWord(), ChinaTimeText.of(d.lastSeenAt()), d.appVersion() == null ? "" : d.appVersion(),
                d.kind().signs() && !revoked, !revoked);
    }

    /** A device just registered or given a new secret, for its credentials page. */
    public static DeviceRow registered(Device d) {
        return new DeviceRow(d.deviceKey(), d.kind().name(), d.storeCode() == null ? "" : d.storeCode(),
                "", "", "", false, false);
    }
}
