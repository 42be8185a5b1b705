package io.vitrine.tenants.devices.signing;

import io.vitrine.kernel.tenancy.TenantId;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Device credentials held in a map, standing in for the devices table in these tests. */
final class InMemoryDeviceSecrets implements DeviceSecrets {

    private final Map<String, DeviceCredential> devices = new ConcurrentHashMap<>();

    InMemoryDeviceSecrets add(String deviceKey, String tenant, DeviceCredential.Status status, String secret) {
        devices.put(deviceKey, new DeviceCredential(deviceKey, TenantId.of(tenant), DeviceCredential.Kind.POS, status,
                secret.getBytes(StandardCharsets.US_ASCII)));
        return this;
    }

    @Override
    public Optional<DeviceCredential> find(String deviceKey) {
        return Optional.ofNullable(devices.get(deviceKey));
    }
}
