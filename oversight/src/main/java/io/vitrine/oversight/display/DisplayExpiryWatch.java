package io.vitrine.oversight.display;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import io.vitrine.kernel.cache.DistributedLocks;
import io.vitrine.kernel.cache.ScopedKey;
import io.vitrine.kernel.cache.SingleInstanceRound;
import io.vitrine.kernel.time.ChinaTime;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every {@code vitrine.oversight.display.expiry-interval} (1h; {@code expiry-enabled: false} stops the schedule),
 * raises the alerts of accounts with goods on display whose period or guarantee is within a threshold of its end
 * ({@link ExpiryThresholds}). Like {@code catalog.stock.ReservationExpiry}: every instance schedules it, the first to
 * take the kernel's distributed lock runs the round and keeps the lock for most of the interval. Running twice would
 * still raise each alert once (alerts are unique per tenant, kind and subject), so without the lock store it runs
 * anyway.
 */
@Singleton
public class DisplayExpiryWatch {

    static final ScopedKey LOCK = ScopedKey.platform("display-expiry-watch", "round");
    static final int BATCH = 200;
    private static final Logger LOG = LoggerFactory.getLogger(DisplayExpiryWatch.class);

    private final DisplayLedger ledger;
    private final DisplayExpiryAlerts alerts;
    private final ExpiryThresholds thresholds;
    private final SingleInstanceRound rounds;
    private final Clock clock;
    private final boolean enabled;

    DisplayExpiryWatch(DisplayLedger ledger, DisplayExpiryAlerts alerts, ExpiryThresholds thresholds,
                       DistributedLocks locks, Clock clock,
                       @Value("${vitrine.oversight.display.expiry-interval:1h}") Duration interval,
                       @Value("${vitrine.oversight.display.expiry-enabled:true}") boolean enabled) {
        this.ledger = ledger;
        this.alerts = alerts;
        this.thresholds = thresholds;
        this.rounds = SingleInstanceRound.every(interval, locks, LOCK, "bonded display: expiry alerts");
        this.clock = clock;
        this.enabled = enabled;
    }

    @Scheduled(fixedDelay = "${vitrine.oversight.display.expiry-interval:1h}", initialDelay = "1m")
    void run() {
        if (!enabled) {
            return;
        }
        try {
            round().filter(raised -> raised > 0)
                    .ifPresent(raised -> LOG.info("bonded display: {} expiry alerts raised", raised));
        } catch (RuntimeException e) {
            LOG.warn("bonded display: expiry round failed, trying again at the next round", e);
        }
    }

    /** One round: how many alerts it raised, or empty when another instance holds this round. */
    public Optional<Integer> round() {
        return rounds.run(this::raiseDue);
    }

    /** Every due account's alerts, each account in its own transaction; how many alerts were raised. */
    public int raiseDue() {
        int raised = 0;
        String after = "";
        while (true) {
            List<DisplayAccount> due = dueAfter(after);
            for (DisplayAccount account : due) {
                raised += alerts.raiseDue(account, onDisplay(account));
                after = account.id();
            }
            if (due.size() < BATCH) {
                return raised;
            }
        }
    }

    private List<DisplayAccount> dueAfter(String after) {
        return ledger.dueForAlerts(ChinaTime.today(clock).plusDays(thresholds.widest()), after, BATCH);
    }

    private long onDisplay(DisplayAccount account) {
        return ledger.balances(account.tenant(), account.id()).stream().mapToLong(DisplayBalance::outstanding).sum();
    }
}
