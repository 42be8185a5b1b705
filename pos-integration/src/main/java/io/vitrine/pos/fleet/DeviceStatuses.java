package io.vitrine.pos.fleet;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.tenancy.TenantId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * POS fleet status from heartbeats (table {@code pos_device_status}), the port for the fleet console and offline
 * alerts. Writes happen inside the event ingest's transaction; reads open their own. Every method is per tenant.
 * Implemented in {@code infra}.
 */
public interface DeviceStatuses {

    /**
     * A device's heartbeats of one batch, reduced to the latest by occurredAt: last seen becomes {@code receivedAt}
     * (never earlier than it was), version and skew move only if this heartbeat is later than the one recorded.
     * Returns the app version now recorded (the latest heartbeat's by the device's clock): what the device registry
     * is told, so a late or resent older heartbeat never rolls the registry's version back either.
     */
    @Nullable
    String heartbeat(TenantId tenant, String deviceKey, String storeCode, Instant occurredAt, Instant receivedAt,
                   @Nullable String appVersion);

    /** The device's status, empty before its first heartbeat. */
    Optional<DeviceHeartbeat> lastSeen(TenantId tenant, String deviceKey);

    /** The tenant's devices (of one store when {@code storeCode} is given) by device key. */
    List<DeviceHeartbeat> list(TenantId tenant, @Nullable String storeCode);

    /** Devices not heard since {@code before}, the longest silent first: what offline alerts look at. */
    List<DeviceHeartbeat> silentSince(TenantId tenant, Instant before);
}
