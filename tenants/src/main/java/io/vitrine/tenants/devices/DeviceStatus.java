package io.vitrine.tenants.devices;

public enum DeviceStatus {
    /** A kiosk registered but not yet paired with its one-time code. */
    PENDING_PAIRING,
    ACTIVE,
    REVOKED
}
