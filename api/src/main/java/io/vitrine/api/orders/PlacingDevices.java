package io.vitrine.api.orders;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.orders.ordering.Order;
import io.vitrine.tenants.devices.Device;
import io.vitrine.tenants.devices.Devices;
import jakarta.inject.Singleton;

/**
 * The kiosk an order was placed on, by the key staff know it by (the devices list, the fleet status): the order keeps
 * the device's id. One read, only for an order that has a device; a revoked kiosk is still named.
 */
@Singleton
public final class PlacingDevices {

    private final Devices devices;

    PlacingDevices(Devices devices) {
        this.devices = devices;
    }

    /** The device key, or null for an order placed on no paired kiosk. */
    @Nullable
    public String keyOf(Order order) {
        return order.deviceId() == null ? null
                : devices.byId(order.deviceId()).map(Device::deviceKey).orElse(null);
    }
}
