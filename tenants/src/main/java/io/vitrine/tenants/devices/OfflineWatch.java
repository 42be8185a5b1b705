package io.vitrine.tenants.devices;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import io.vitrine.kernel.cache.DistributedLocks;
import io.vitrine.kernel.cache.ScopedKey;
import io.vitrine.kernel.cache.SingleInstanceRound;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Offline alerts for the whole platform's fleets (issue #8): every {@code vitrine.devices.offline-check-interval}
 * (1m; {@code vitrine.devices.offline-check-enabled: false} stops the schedule, e.g. in tests that run rounds by
 * hand) it opens an episode — one DEVICE_OFFLINE alert, posted to the tenant's webhook — for each ACTIVE device last
 * seen before its tenant's {@link OnlineWindow} (each tenant's threshold applied in the query), and ends the
 * episodes of devices seen again (DEVICE_BACK_ONLINE) or revoked.
 * A device never seen is not alerted: it has not gone offline, it has not come yet (a store import registers POS
 * long before they run). Each round asks the database twice across tenants, a batch at a time, never once per
 * device; each episode is then claimed in its own transaction. Every instance schedules it; the first to take the
 * kernel's distributed lock runs the round (as the return expiry does). Two rounds at once would still alert once:
 * an episode opens only from the state the round read ({@link OfflineEpisodes#open}), and alerts are unique per
 * episode.
 */
@Singleton
public class OfflineWatch {

    static final ScopedKey LOCK = ScopedKey.platform("device-offline-watch", "round");
    static final int BATCH = 500;
    private static final Logger LOG = LoggerFactory.getLogger(OfflineWatch.class);

    private final OfflineEpisodes episodes;
    private final OfflineAlerts alerts;
    private final OnlineWindow window;
    private final SingleInstanceRound rounds;
    private final boolean enabled;

    OfflineWatch(OfflineEpisodes episodes, OfflineAlerts alerts, OnlineWindow window, DistributedLocks locks,
                 @Value("${vitrine.devices.offline-check-interval:1m}") Duration interval,
                 @Value("${vitrine.devices.offline-check-enabled:true}") boolean enabled) {
        this.episodes = episodes;
        this.alerts = alerts;
        this.window = window;
        this.rounds = SingleInstanceRound.every(interval, locks, LOCK, "devices: offline watch");
        this.enabled = enabled;
    }

    @Scheduled(fixedDelay = "${vitrine.devices.offline-check-interval:1m}",
            initialDelay = "${vitrine.devices.offline-check-interval:1m}")
    void run() {
        if (!enabled) {
            return;
        }
        try {
            round().filter(r -> r.wentOffline() + r.cameBack() > 0).ifPresent(r ->
                    LOG.info("devices: {} went offline, {} episodes ended", r.wentOffline(), r.cameBack()));
        } catch (RuntimeException e) {
            LOG.warn("devices: offline watch round failed, trying again at the next round", e);
        }
    }

    /** One round, or empty when another instance holds this round. */
    public Optional<Round> round() {
        return rounds.run(this::watch);
    }

    /** Ends the episodes of devices seen again, then opens those of devices gone silent; no lock. */
    public Round watch() {
        int ended = drain(() -> episodes.ending(BATCH), this::end);
        int opened = drain(() -> episodes.starting(window.now(), window.platformDefault(), window.shortest(), BATCH),
                this::open);
        return new Round(opened, ended);
    }

    /** Batch after batch until one is short, or a full one changed nothing (what fails now waits for next round). */
    private static int drain(Supplier<List<OfflineEpisodes.Episode>> next, Predicate<OfflineEpisodes.Episode> claim) {
        int claimed = 0;
        while (true) {
            List<OfflineEpisodes.Episode> batch = next.get();
            int inBatch = (int) batch.stream().filter(claim).count();
            claimed += inBatch;
            if (batch.size() < BATCH || inBatch == 0) {
                return claimed;
            }
        }
    }

    private boolean open(OfflineEpisodes.Episode device) {
        try {
            return alerts.wentOffline(device);
        } catch (RuntimeException e) {
            LOG.warn("devices: could not alert {} offline now, next round", device.deviceKey(), e);
            return false;
        }
    }

    private boolean end(OfflineEpisodes.Episode device) {
        try {
            return alerts.ended(device);
        } catch (RuntimeException e) {
            LOG.warn("devices: could not end {}'s offline episode now, next round", device.deviceKey(), e);
            return false;
        }
    }

    /** What a round did: episodes opened (DEVICE_OFFLINE) and ended. */
    public record Round(int wentOffline, int cameBack) {
    }
}
