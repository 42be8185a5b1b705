package io.vitrine.tenants.devices.infra;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.context.annotation.Secondary;
import io.micronaut.context.annotation.Value;
import io.vitrine.kernel.privacy.PersonalDataCipher;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.tenants.devices.Device;
import io.vitrine.tenants.devices.DeviceSightings;
import io.vitrine.tenants.devices.DeviceStatus;
import io.vitrine.tenants.devices.signing.DeviceCredential;
import io.vitrine.tenants.devices.signing.DeviceSecrets;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The verifier's credentials, read from the devices table on every request (so rotation and
 * revocation act at once), and the last-seen mark, written at most once per {@code
 * vitrine.devices.last-seen-every} per device and instance: fleet status needs minutes, not every request.
 * The devices marked recently are remembered for that long only (so memory stays bounded by the devices
 * active in the last window), and a burst of one device's requests writes once.
 */
@Singleton
@Secondary // the default; a test (or another store) may provide its own DeviceSecrets
class TableDeviceSecrets implements DeviceSecrets, DeviceSightings {

    /** Past this many devices within one window an instance may mark one of them early: harmless. */
    private static final long MAX_REMEMBERED = 200_000;

    private final DeviceKeyDirectory directory;
    private final PersonalDataCipher cipher;
    private final Map<String, Boolean> markedRecently;

    TableDeviceSecrets(DeviceKeyDirectory directory, PersonalDataCipher cipher,
                       @Value("${vitrine.devices.last-seen-every:30s}") Duration markEvery) {
        this.directory = directory;
        this.cipher = cipher;
        this.markedRecently = Caffeine.newBuilder()
                .expireAfterWrite(markEvery)
                .maximumSize(MAX_REMEMBERED)
                .executor(Runnable::run) // no maintenance tasks on the common pool from the request path
                .<String, Boolean>build()
                .asMap();
    }

    @Override
    public Optional<DeviceCredential> find(String deviceKey) {
        return directory.findByDeviceKey(deviceKey)
                .filter(d -> d.kind().signs() && d.secretEncrypted() != null)
                .map(this::credentialOf);
    }

    private DeviceCredential credentialOf(Device device) {
        DeviceCredential.Kind kind = DeviceCredential.Kind.valueOf(device.kind().name());
        DeviceCredential.Status status = device.status() == DeviceStatus.ACTIVE
                ? DeviceCredential.Status.ACTIVE : DeviceCredential.Status.REVOKED;
        byte[] secret = cipher.decrypt(device.secretEncrypted()).getBytes(StandardCharsets.US_ASCII);
        return new DeviceCredential(device.deviceKey(), TenantId.of(device.tenantId()), kind, status, secret);
    }

    @Override
    public void seen(String deviceKey, Instant at) {
        if (markedRecently.putIfAbsent(deviceKey, Boolean.TRUE) == null) {
            directory.markSeen(deviceKey, at);
        }
    }
}
