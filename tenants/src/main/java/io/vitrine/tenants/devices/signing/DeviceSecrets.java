package io.vitrine.tenants.devices.signing;

import java.util.Optional;

/**
 * Finds a signing device's credential by its key. Implemented over the devices table; read on every
 * request (no caching here), so that rotation and revocation take effect at once.
 */
public interface DeviceSecrets {

    /** The credential of a POS or partner device, revoked ones included; empty for an unknown key. */
    Optional<DeviceCredential> find(String deviceKey);
}
