package io.vitrine.tenants.devices.signing;

import io.vitrine.kernel.tenancy.TenantId;

import java.util.Objects;

/**
 * What the verifier needs to know about a signing device.
 *
 * @param secret the HMAC key: the bytes of the secret exactly as it was shown to the installer
 *               (its ASCII characters), not a decoding of it, so that
 *               {@code openssl dgst -sha256 -hmac "<secret>"} on a device gives the same signature
 */
public record DeviceCredential(String deviceKey, TenantId tenant, Kind kind, Status status, byte[] secret) {

    /** The devices that sign requests; kiosks are browsers and use their paired cookie instead. */
    public enum Kind { POS, PARTNER }

    public enum Status { ACTIVE, REVOKED }

    public DeviceCredential {
        Objects.requireNonNull(deviceKey, "deviceKey");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        if (secret == null || secret.length == 0) {
            throw new IllegalArgumentException("a signing device has a secret");
        }
        secret = secret.clone();
    }

    @Override
    public byte[] secret() {
        return secret.clone();
    }

    public boolean active() {
        return status == Status.ACTIVE;
    }

    @Override
    public String toString() {
        // never the secret: credentials end up in logs and debugger views
        return "DeviceCredential[" + deviceKey + ", tenant=" + tenant + ", " + kind + ", " + status + "]";
    }
}
