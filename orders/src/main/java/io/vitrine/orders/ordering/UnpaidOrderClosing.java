package io.vitrine.orders.ordering;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import io.vitrine.kernel.cache.DistributedLocks;
import io.vitrine.kernel.cache.ScopedKey;
import io.vitrine.kernel.cache.SingleInstanceRound;
import io.vitrine.kernel.tenancy.TenantContext;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Closes orders left unpaid past their payment window, every {@code vitrine.orders.close-interval} (30s;
 * {@code vitrine.orders.close-enabled: false} stops the schedule, e.g. in tests that run rounds by hand): Alipay's
 * trade closed, the order CLOSED, its stock and annual quota given back. Every instance schedules it; the first to
 * take the kernel's distributed lock for the round runs it (the same pattern as the stock reservation expiry).
 * Two rounds at once would still be safe: each order is closed under its row lock and only while unpaid and due.
 * Before closing, Alipay is asked about the trade ({@link LostNotifyRecovery#settle}): one it reports paid is
 * recorded as paid instead (its notify was lost), and an order whose trade cannot be queried now waits a round.
 */
@Singleton
public class UnpaidOrderClosing {

    static final ScopedKey LOCK = ScopedKey.platform("unpaid-order-closing", "round");
    static final int BATCH = 100;
    private static final Logger LOG = LoggerFactory.getLogger(UnpaidOrderClosing.class);

    private final Orders orders;
    private final OrderCancellations cancellations;
    private final LostNotifyRecovery recovery;
    private final SingleInstanceRound rounds;
    private final Clock clock;
    private final boolean enabled;

    UnpaidOrderClosing(Orders orders, OrderCancellations cancellations, LostNotifyRecovery recovery,
                       DistributedLocks locks,
                       Clock clock,
                       @Value("${vitrine.orders.close-interval:30s}") Duration interval,
                       @Value("${vitrine.orders.close-enabled:true}") boolean enabled) {
        this.orders = orders;
        this.cancellations = cancellations;
        this.recovery = recovery;
        this.rounds = SingleInstanceRound.every(interval, locks, LOCK, "orders: unpaid-order closing");
        this.clock = clock;
        this.enabled = enabled;
    }

    @Scheduled(fixedDelay = "${vitrine.orders.close-interval:30s}", initialDelay = "${vitrine.orders.close-interval:30s}")
    void run() {
        if (!enabled) {
            return;
        }
        try {
            round().filter(closed -> closed > 0).ifPresent(closed -> LOG.info("orders: {} unpaid closed", closed));
        } catch (RuntimeException e) {
            LOG.warn("orders: closing round failed, trying again at the next round", e);
        }
    }

    /** One round: how many orders it closed, or empty when another instance holds this round. */
    public Optional<Integer> round() {
        return rounds.run(this::closeDue);
    }

    /** Closes everything due now, each in its tenant and its own transaction. */
    public int closeDue() {
        int closed = 0;
        while (true) {
            List<Orders.Due> batch = orders.unpaidDue(clock.instant(), BATCH);
            int before = closed;
            for (Orders.Due due : batch) {
                try {
                    if (recovery.settle(due.tenant(), due.orderNo()) != PaymentOutcome.NOT_PAID) {
                        continue; // Alipay says paid: recorded as paid (or left to the notify), never closed
                    }
                    Order after = TenantContext.callAs(due.tenant(), () -> cancellations.closeIfDue(due.orderNo()));
                    if (after.status() == OrderStatus.CLOSED) {
                        closed++;
                    }
                } catch (RuntimeException e) {
                    LOG.warn("orders: could not close {} now, next round", due.orderNo(), e);
                }
            }
            if (batch.size() < BATCH || closed == before) {
                return closed;
            }
        }
    }
}
