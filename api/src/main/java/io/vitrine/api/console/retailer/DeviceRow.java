package io.vitrine.api.console.retailer;

import io.vitrine.api.console.ChinaTimeText;
import io.vitrine.tenants.devices.Device;
import io.vitrine.tenants.devices.DeviceStatus;

/** A device as the fleet list shows it: online means active and seen within the online window. */
public record DeviceRow(String deviceKey, String kind, String storeCode, String status, boolean online,
                        String lastSeenAt, String appVersion, boolean rotatable, boolean revocable) {

    static DeviceRow of(Device d, boolean online) {
        boolean revoked = d.status() == DeviceStatus.REVOKED;
        return new DeviceRow(d.deviceKey(), d.kind().name(), d.storeCode() == null ? "" : d.storeCode(),
                d.status().name(), online, ChinaTimeText.of(d.lastSeenAt()), d.appVersion() == null ? "" : d.appVersion(),
                d.kind().signs() && !revoked, !revoked);
    }
}
