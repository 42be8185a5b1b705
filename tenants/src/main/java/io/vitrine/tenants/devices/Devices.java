package io.vitrine.tenants.devices;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.error.FieldChecks;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.kernel.id.Ids;
import io.vitrine.kernel.privacy.PersonalDataCipher;
import io.vitrine.kernel.tenancy.CurrentTenant;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.audit.AuditTrail;
import io.vitrine.tenants.devices.signing.CanonicalRequest;
import io.vitrine.tenants.stores.StoreRepository;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The current tenant's device registry. Secrets and pairing codes are shown once, at registration
 * (and a new secret at rotation); the table keeps the secret encrypted and the pairing code hashed.
 * Rotation and revocation change the row the verifier reads on every request, so they act at once.
 */
@Singleton
public class Devices {

    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    private final DeviceRepository devices;
    private final StoreRepository stores;
    private final CurrentTenant currentTenant;
    private final PersonalDataCipher cipher;
    private final AuditTrail audit;
    private final Ids ids;
    private final Clock clock;
    private final Duration markEvery;
    private final SecureRandom random = new SecureRandom();

    public Devices(DeviceRepository devices, StoreRepository stores, CurrentTenant currentTenant,
                   PersonalDataCipher cipher, AuditTrail audit, Ids ids, Clock clock,
                   @Value("${vitrine.devices.last-seen-every:30s}") Duration markEvery) {
        this.devices = devices;
        this.stores = stores;
        this.currentTenant = currentTenant;
        this.cipher = cipher;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
        this.markEvery = markEvery;
    }

    /** A device of one of the tenant's stores (a partner: of the tenant); 404 for a store that is not the tenant's. */
    @Transactional
    public RegisteredDevice register(Actor by, String storeCode, String kindName) {
        TenantId tenant = currentTenant.require();
        FieldChecks checks = new FieldChecks();
        DeviceKind kind = checks.oneOf("kind", kindName, DeviceKind.class);
        String code = kind == DeviceKind.PARTNER ? null : checks.text("storeCode", storeCode, 32);
        checks.throwIfAny();
        if (code != null && !stores.existsByCode(code)) {
            throw new NotFoundException("No such store.");
        }
        Instant now = clock.instant();
        String secret = kind.signs() ? randomSecret() : null;
        String pairingCode = kind.signs() ? null : base32(8).toUpperCase(Locale.ROOT);
        Device device = devices.save(new Device(ids.nextId(), null, "dk_" + base32(15), kind, code,
                secret == null ? null : cipher.encrypt(secret),
                pairingCode == null ? null : pairingHash(pairingCode), null,
                kind.signs() ? DeviceStatus.ACTIVE : DeviceStatus.PENDING_PAIRING,
                null, null, now, null));
        audit.record(by, tenant, "DEVICE_REGISTERED", "device", device.deviceKey(), kind.name());
        return new RegisteredDevice(device, secret, pairingCode);
    }

    /** A new secret; the old one stops working with this commit. Kiosks have none: 404 like an unknown key. */
    @Transactional
    public RegisteredDevice rotate(Actor by, String deviceKey) {
        TenantId tenant = currentTenant.require();
        Device current = devices.findByDeviceKey(deviceKey)
                .filter(d -> d.kind().signs() && d.status() != DeviceStatus.REVOKED)
                .orElseThrow(Devices::notFound);
        String secret = randomSecret();
        Instant now = clock.instant();
        Device rotated = devices.update(new Device(current.id(), current.tenantId(), current.deviceKey(), current.kind(),
                current.storeCode(), cipher.encrypt(secret), null, null, current.status(), current.lastSeenAt(),
                current.appVersion(), current.createdAt(), now));
        audit.record(by, tenant, "DEVICE_SECRET_ROTATED", "device", deviceKey, null);
        return new RegisteredDevice(rotated, secret, null);
    }

    /** Revoked at once: the verifier reads the status on every request. */
    @Transactional
    public void revoke(Actor by, String deviceKey) {
        TenantId tenant = currentTenant.require();
        Device current = devices.findByDeviceKey(deviceKey).orElseThrow(Devices::notFound);
        if (current.status() == DeviceStatus.REVOKED) {
            return;
        }
        devices.update(new Device(current.id(), current.tenantId(), current.deviceKey(), current.kind(),
                current.storeCode(), current.secretEncrypted(), null, null, DeviceStatus.REVOKED, current.lastSeenAt(),
                current.appVersion(), current.createdAt(), current.rotatedAt()));
        audit.record(by, tenant, "DEVICE_REVOKED", "device", deviceKey, null);
    }

    /**
     * A kiosk of the store enters its one-time pairing code: the device becomes ACTIVE and gets a long-lived
     * token for its HttpOnly cookie (only its SHA-256 is kept). A wrong, used or other store's code is 404.
     */
    @Transactional
    public String pair(String storeCode, String pairingCode) {
        TenantId tenant = currentTenant.require();
        if (storeCode == null || pairingCode == null || pairingCode.isBlank()) {
            throw new NotFoundException("No such pairing code.");
        }
        Device kiosk = devices.findByStoreCodeAndPairingCodeHash(storeCode,
                        pairingHash(pairingCode.strip().toUpperCase(Locale.ROOT)))
                .filter(d -> d.kind() == DeviceKind.KIOSK && d.status() == DeviceStatus.PENDING_PAIRING)
                .orElseThrow(() -> new NotFoundException("No such pairing code."));
        String token = randomSecret();
        Instant now = clock.instant();
        devices.update(new Device(kiosk.id(), kiosk.tenantId(), kiosk.deviceKey(), kiosk.kind(), kiosk.storeCode(),
                null, null, pairingHash(token), DeviceStatus.ACTIVE, now, kiosk.appVersion(), kiosk.createdAt(), now));
        audit.record(Actor.system(), tenant, "KIOSK_PAIRED", "device", kiosk.deviceKey(), null);
        return token;
    }

    /**
     * A paired kiosk's heartbeat; 404 for an unknown token or a revoked kiosk (unpairing acts at once). Like
     * a signed device's sightings, last seen is written at most every {@code vitrine.devices.last-seen-every}
     * (unless the app version changed): a page that beats faster costs a read, not a write.
     */
    @Transactional
    public Device heartbeat(String kioskToken, String appVersion) {
        currentTenant.require();
        if (kioskToken == null || kioskToken.isBlank()) {
            throw new NotFoundException("Not a paired kiosk.");
        }
        Device kiosk = devices.findByKioskTokenHash(pairingHash(kioskToken))
                .filter(d -> d.status() == DeviceStatus.ACTIVE)
                .orElseThrow(() -> new NotFoundException("Not a paired kiosk."));
        return beat(kiosk, clock.instant(), appVersion);
    }

    /**
     * A signed device's heartbeat (a POS's HEARTBEAT event): it was seen at {@code seenAt} — never moved back by a
     * late event, nor past now — running {@code appVersion} (blank: unchanged). Written as seldom as a kiosk's
     * heartbeat. Empty, and nothing written, for a device of another tenant, an unknown one or one not ACTIVE (revoked
     * since its request was verified): the caller's transaction goes on (a thrown refusal would doom it).
     */
    @Transactional
    public Optional<Device> recordHeartbeat(String deviceKey, Instant seenAt, @Nullable String appVersion) {
        currentTenant.require();
        Instant now = clock.instant();
        return devices.findByDeviceKey(deviceKey)
                .filter(d -> d.status() == DeviceStatus.ACTIVE)
                .map(device -> beat(device, seenAt.isAfter(now) ? now : seenAt, appVersion));
    }

    /** Last seen and app version, written only when last seen moves by the mark interval or the version changed. */
    private Device beat(Device device, Instant seenAt, @Nullable String appVersion) {
        String version = appVersion == null || appVersion.isBlank() ? device.appVersion()
                : appVersion.strip().substring(0, Math.min(64, appVersion.strip().length()));
        Instant lastSeen = device.lastSeenAt() != null && device.lastSeenAt().isAfter(seenAt)
                ? device.lastSeenAt() : seenAt.truncatedTo(ChronoUnit.MICROS); // what the row keeps
        boolean seenLately = device.lastSeenAt() != null && device.lastSeenAt().plus(markEvery).isAfter(lastSeen);
        if (seenLately && Objects.equals(version, device.appVersion())) {
            return device;
        }
        return devices.update(new Device(device.id(), device.tenantId(), device.deviceKey(), device.kind(),
                device.storeCode(), device.secretEncrypted(), device.pairingCodeHash(), device.kioskTokenHash(),
                device.status(), lastSeen, version, device.createdAt(), device.rotatedAt()));
    }

    /**
     * The paired kiosk whose device cookie holds this token, if it is an ACTIVE kiosk of the current tenant at this
     * store: what an order placed on the kiosk records (api.md "its orders carry the device"). Empty for no token, an
     * unknown one, a revoked kiosk, another store's or another tenant's. Reads only (the heartbeat marks last seen).
     */
    @Transactional(readOnly = true)
    public Optional<Device> pairedKiosk(@Nullable String kioskToken, @Nullable String storeCode) {
        currentTenant.require();
        if (kioskToken == null || kioskToken.isBlank() || storeCode == null) {
            return Optional.empty();
        }
        return devices.findByKioskTokenHash(pairingHash(kioskToken))
                .filter(d -> d.kind() == DeviceKind.KIOSK && d.status() == DeviceStatus.ACTIVE
                        && storeCode.equals(d.storeCode()));
    }

    /** A device of the current tenant by its id (what an order records), revoked ones included. */
    @Transactional(readOnly = true)
    public Optional<Device> byId(String id) {
        currentTenant.require();
        return devices.findById(id);
    }

    @Transactional(readOnly = true)
    public Device get(String deviceKey) {
        return devices.findByDeviceKey(deviceKey).orElseThrow(Devices::notFound);
    }

    /**
     * How many devices of each kind, revoked ones not counted, each of these stores has (an import
     * ensures counts: it adds what is missing). Stores without devices are absent.
     */
    @Transactional(readOnly = true)
    public Map<String, Map<DeviceKind, Integer>> workingDevicesOf(Collection<String> storeCodes) {
        currentTenant.require();
        Map<String, Map<DeviceKind, Integer>> counts = new HashMap<>();
        if (storeCodes.isEmpty()) {
            return counts;
        }
        for (Device device : devices.findByStoreCodeIn(storeCodes)) {
            if (device.status() != DeviceStatus.REVOKED) {
                counts.computeIfAbsent(device.storeCode(), code -> new EnumMap<>(DeviceKind.class))
                        .merge(device.kind(), 1, Integer::sum);
            }
        }
        return counts;
    }

    static String pairingHash(String pairingCode) {
        return CanonicalRequest.sha256Hex(pairingCode.getBytes(StandardCharsets.UTF_8));
    }

    /** 32 random bytes as base64url: 43 characters of the ASCII the device signs with. */
    private String randomSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private String base32(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(BASE32[random.nextInt(BASE32.length)]);
        }
        return text.toString();
    }

    private static NotFoundException notFound() {
        return new NotFoundException("No such device.");
    }
}
