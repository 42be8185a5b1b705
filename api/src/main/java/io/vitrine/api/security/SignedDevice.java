package io.vitrine.api.security;

import io.micronaut.http.HttpRequest;
import io.vitrine.tenants.devices.signing.DeviceCredential;

import java.util.Optional;

/** The device whose signature {@link DeviceSignatureFilter} verified for this request. */
public final class SignedDevice {

    static final String ATTRIBUTE = "vitrine.signed-device";

    private SignedDevice() {
    }

    public static Optional<DeviceCredential> of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, DeviceCredential.class);
    }
}
