package io.vitrine.orders.returns;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import io.vitrine.kernel.cache.DistributedLocks;
import io.vitrine.kernel.cache.ScopedKey;
import io.vitrine.kernel.cache.SingleInstanceRound;
import io.vitrine.kernel.tenancy.TenantContext;
import io.vitrine.kernel.time.ChinaTime;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Ends returns whose goods did not come back within 45 days of release (domain.md "Returns"): from the first instant
 * (China time) of the 46th day after the release day, a return still REQUESTED, APPROVED, DECLARED or ACCEPTED
 * becomes EXPIRED — no refund, no quota change, its units free again — with a note on the order's timeline. Every
 * {@code vitrine.orders.returns.expiry-interval} (10m; {@code vitrine.orders.returns.expiry-enabled: false} stops the
 * schedule, e.g. in tests that run rounds by hand). Every instance schedules it; the first to take the kernel's
 * distributed lock for the round runs it (as the unpaid-order closing does). Two rounds at once would still be safe:
 * each return is expired under its row lock and only while waiting and due, so a second round changes nothing.
 */
@Singleton
public class ReturnExpiry {

    static final ScopedKey LOCK = ScopedKey.platform("return-expiry", "round");
    static final int BATCH = 100;
    private static final Logger LOG = LoggerFactory.getLogger(ReturnExpiry.class);

    private final ExpiringReturns expiring;
    private final SingleInstanceRound rounds;
    private final Clock clock;
    private final boolean enabled;

    ReturnExpiry(ExpiringReturns expiring, DistributedLocks locks, Clock clock,
                 @Value("${vitrine.orders.returns.expiry-interval:10m}") Duration interval,
                 @Value("${vitrine.orders.returns.expiry-enabled:true}") boolean enabled) {
        this.expiring = expiring;
        this.rounds = SingleInstanceRound.every(interval, locks, LOCK, "returns: expiry");
        this.clock = clock;
        this.enabled = enabled;
    }

    @Scheduled(fixedDelay = "${vitrine.orders.returns.expiry-interval:10m}",
            initialDelay = "${vitrine.orders.returns.expiry-interval:10m}")
    void run() {
        if (!enabled) {
            return;
        }
        try {
            round().filter(expired -> expired > 0).ifPresent(expired -> LOG.info("returns: {} expired", expired));
        } catch (RuntimeException e) {
            LOG.warn("returns: expiry round failed, trying again at the next round", e);
        }
    }

    /** One round: how many returns it expired, or empty when another instance holds this round. */
    public Optional<Integer> round() {
        return rounds.run(this::expireDue);
    }

    /** Expires everything due now, each in its tenant and its own transaction. */
    public int expireDue() {
        int expired = 0;
        while (true) {
            // released on or before the day 46 days ago: the 45th day after it ended before today began
            Instant before = ChinaTime.endOfDay(ChinaTime.today(clock).minusDays(GoodsReceipts.RECEIPT_DAYS + 1));
            List<ReturnRequests.Waiting> batch = expiring.due(before, BATCH);
            int done = expired;
            for (ReturnRequests.Waiting due : batch) {
                try {
                    if (TenantContext.callAs(due.tenant(), () -> expiring.expireIfDue(due.returnNo()))) {
                        expired++;
                    }
                } catch (RuntimeException e) {
                    LOG.warn("returns: could not expire {} now, next round", due.returnNo(), e);
                }
            }
            if (batch.size() < BATCH || expired == done) {
                return expired;
            }
        }
    }
}
