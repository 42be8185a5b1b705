package io.vitrine.tenants.devices;

import io.micronaut.context.annotation.Value;
import io.vitrine.tenants.settings.Settings;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The one definition of "online" (issue #8 "offline for > N minutes -> alert"): an ACTIVE device seen within its
 * tenant's window is ONLINE, otherwise OFFLINE. The window is the tenant's setting {@code deviceOfflineMinutes}
 * ({@link Settings}, 5 to 1440 minutes) or, when it has none, the platform's {@code vitrine.devices.online-window}
 * (10m). The fleet status ({@link Fleet}: the console page, its summary and filters, and
 * {@code GET /api/v1/devices?status=}) and the offline alerts ({@link OfflineWatch}, which applies each tenant's
 * window in SQL across tenants, {@link OfflineEpisodes#starting}) all take it from here, so a device the page shows
 * offline is the device that was alerted — on every instance at once after a change of the setting, which both
 * read from the database, never from a cache.
 */
@Singleton
public class OnlineWindow {

    private final Clock clock;
    private final Settings settings;
    private final Duration platformDefault;

    OnlineWindow(Clock clock, Settings settings,
                 @Value("${vitrine.devices.online-window:10m}") Duration platformDefault) {
        this.clock = clock;
        this.settings = settings;
        this.platformDefault = platformDefault;
    }

    /** A device of the current tenant ACTIVE and seen at or after this instant is online now. */
    public Instant onlineSince() {
        return clock.instant().minus(window());
    }

    /**
     * The current tenant's window: its setting as stored now ({@link Settings#deviceOfflineMinutes}, not the
     * settings cache, which another instance's change would leave stale for its TTL while the alerts already apply
     * it), or the default.
     */
    public Duration window() {
        return settings.deviceOfflineMinutes().map(Duration::ofMinutes).orElse(platformDefault);
    }

    /** The window of a tenant without a setting of its own. */
    public Duration platformDefault() {
        return platformDefault;
    }

    /** The shortest window any tenant may have: no device seen after {@code now} minus this is offline anywhere. */
    public Duration shortest() {
        Duration least = Duration.ofMinutes(Settings.MIN_OFFLINE_MINUTES);
        return platformDefault.compareTo(least) < 0 ? platformDefault : least;
    }

    public Instant now() {
        return clock.instant();
    }
}
