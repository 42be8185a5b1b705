package io.vitrine.tenants.devices;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.tenancy.TenantId;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A device's offline episodes as the {@code devices} table keeps them ({@code offline_since}: the last seen its
 * DEVICE_OFFLINE alert named). The two finders look across tenants (the watch is the platform's); the claims name
 * the tenant and change a row only from the state the caller saw, so two watches racing claim an episode once.
 * Implemented in {@code infra}.
 */
public interface OfflineEpisodes {

    /**
     * ACTIVE devices with no open episode last seen more than their tenant's window before {@code now} (the tenant's
     * {@code deviceOfflineMinutes}, else {@code defaultWindow}), longest silent first. {@code shortestWindow}: no
     * tenant's window is shorter (it bounds the index range the query reads).
     */
    List<Episode> starting(Instant now, Duration defaultWindow, Duration shortestWindow, int limit);

    /** Open episodes whose device was seen again since, or is no longer ACTIVE. */
    List<Episode> ending(int limit);

    /** Opens the episode if the device is still ACTIVE, without one, and last seen at {@code lastSeenAt}. */
    boolean open(TenantId tenant, String deviceKey, Instant lastSeenAt);

    /** Closes the episode if it is still the one opened at {@code offlineSince}. */
    boolean close(TenantId tenant, String deviceKey, Instant offlineSince);

    /**
     * One device and its episode: {@code lastSeenAt} now, {@code offlineSince} the open episode's (null when none).
     */
    record Episode(TenantId tenant, String deviceKey, DeviceKind kind, @Nullable String storeCode,
                   @Nullable String storeName, DeviceStatus status, Instant lastSeenAt,
                   @Nullable Instant offlineSince) {
    }
}
