package io.vitrine.tenants.devices;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The one definition of "online" (issue #8): an ACTIVE device seen within {@code vitrine.devices.online-window}
 * (10m) is ONLINE, otherwise OFFLINE. The fleet status ({@link Fleet}: the console page and
 * {@code GET /api/v1/devices?status=}) and the offline alerts ({@link OfflineWatch}) both ask it, so a device the
 * page shows offline is the device that was alerted.
 */
@Singleton
public class OnlineWindow {

    private final Clock clock;
    private final Duration window;

    OnlineWindow(Clock clock, @Value("${vitrine.devices.online-window:10m}") Duration window) {
        this.clock = clock;
        this.window = window;
    }

    /** A device ACTIVE and seen at or after this instant is online now. */
    public Instant onlineSince() {
        return clock.instant().minus(window);
    }

    public Duration window() {
        return window;
    }
}
