package io.vitrine.tenants.devices;

/** Kiosks are browsers paired once with a code; POS systems and partners sign every request. */
public enum DeviceKind {
    KIOSK, POS, PARTNER;

    public boolean signs() {
        return this != KIOSK;
    }
}
