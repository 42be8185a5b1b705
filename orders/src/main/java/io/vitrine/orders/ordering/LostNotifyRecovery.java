package io.vitrine.orders.ordering;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import io.vitrine.kernel.cache.DistributedLocks;
import io.vitrine.kernel.cache.ScopedKey;
import io.vitrine.kernel.cache.SingleInstanceRound;
import io.vitrine.kernel.tenancy.TenantContext;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.orders.payment.PaymentGateway;
import io.vitrine.orders.payment.Trade;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The query-based reconciliation of lost notifies (issue #5 "Payments"): every
 * {@code vitrine.orders.payment-query.interval} (30s) one instance (the kernel's distributed lock, as the close
 * round) asks Alipay ({@link PaymentGateway#query}) about each order still PENDING_PAYMENT that reached one of the
 * ages of {@code vitrine.orders.payment-query.schedule} (2, 4, 8, 14 minutes: {@link PaymentQuerySchedule}) since
 * the previous round; a trade Alipay reports paid (TRADE_SUCCESS or
 * TRADE_FINISHED) for the order's total is recorded through {@link OrderPayments#pay}, the notify's own path — so a
 * notify arriving later, or one racing this round, is a replay under the order's row lock and changes nothing.
 * A paid trade of another amount is left to the notify (which notes and alerts it once), not noted every round.
 * The close round asks the same question before it closes an order ({@link #settle}).
 */
@Singleton
public class LostNotifyRecovery {

    static final ScopedKey LOCK = ScopedKey.platform("lost-notify-recovery", "round");
    static final int BATCH = 100;
    private static final Logger LOG = LoggerFactory.getLogger(LostNotifyRecovery.class);

    private final UnpaidOrders unpaid;
    private final Orders orders;
    private final OrderPayments payments;
    private final PaymentGateway gateway;
    private final SingleInstanceRound rounds;
    private final Clock clock;
    private final PaymentQuerySchedule schedule;
    private final boolean enabled;
    /** When this instance's previous round looked (null before the first): its window ends there. */
    private volatile Instant previousRound;

    LostNotifyRecovery(UnpaidOrders unpaid, Orders orders, OrderPayments payments, PaymentGateway gateway,
                       DistributedLocks locks, Clock clock,
                       @Value("${vitrine.orders.payment-query.schedule:2m,4m,8m,14m}") List<Duration> schedule,
                       @Value("${vitrine.orders.payment-query.interval:30s}") Duration interval,
                       @Value("${vitrine.orders.payment-query.enabled:true}") boolean enabled) {
        this.unpaid = unpaid;
        this.orders = orders;
        this.payments = payments;
        this.gateway = gateway;
        this.rounds = SingleInstanceRound.every(interval, locks, LOCK, "orders: lost-notify recovery");
        this.clock = clock;
        this.schedule = new PaymentQuerySchedule(schedule);
        this.enabled = enabled;
    }

    @Scheduled(fixedDelay = "${vitrine.orders.payment-query.interval:30s}",
            initialDelay = "${vitrine.orders.payment-query.interval:30s}")
    void run() {
        if (!enabled) {
            return;
        }
        try {
            round().filter(paid -> paid > 0).ifPresent(paid -> LOG.info("orders: {} lost notifies recovered", paid));
        } catch (RuntimeException e) {
            LOG.warn("orders: lost-notify round failed, trying again at the next round", e);
        }
    }

    /** One round: how many orders it found paid, or empty when another instance holds this round. */
    public Optional<Integer> round() {
        return rounds.run(this::recoverAll);
    }

    /**
     * Queries, each in its tenant, every pending order that reached one of the schedule's ages since this instance's
     * previous round; how many it marked paid. The first round of an instance (or one after the clock went back)
     * asks once about every pending order past its first age: notifies lost while no round ran are found at once.
     */
    public int recoverAll() {
        Instant now = clock.instant();
        Instant previous = previousRound;
        Instant since = previous == null || !previous.isBefore(now) ? Instant.EPOCH : previous;
        previousRound = now;
        List<UnpaidOrders.PlacedSpan> spans = schedule.spans(since, now);
        int paid = 0;
        UnpaidOrders.Unpaid last = null;
        while (true) {
            List<UnpaidOrders.Unpaid> page = unpaid.placedWithin(spans, last, BATCH);
            for (UnpaidOrders.Unpaid order : page) {
                last = order;
                try {
                    if (settle(order.tenant(), order.orderNo()) == PaymentOutcome.PAID) {
                        paid++;
                    }
                } catch (RuntimeException e) {
                    LOG.warn("orders: could not query the trade of {} now, next round: {}", order.orderNo(),
                            e.getMessage());
                }
            }
            if (page.size() < BATCH) {
                return paid;
            }
        }
    }

    /** As after a restart: the next round asks once about every pending order past its first age. */
    void forgetPreviousRound() {
        previousRound = null;
    }

    /**
     * Asks Alipay about one unpaid order of the tenant and, when its trade is paid for the order's total, records the
     * payment: {@link PaymentOutcome#PAID} then (or {@code ALREADY_PAID} when a notify beat it);
     * {@link PaymentOutcome#NOT_PAID} when Alipay has no paid trade, or the order is no longer pending;
     * {@link PaymentOutcome#AMOUNT_MISMATCH} for a paid trade of another amount (nothing recorded). A gateway
     * failure is thrown: the outcome is unknown, so the caller must neither pay nor close.
     */
    public PaymentOutcome settle(TenantId tenant, String orderNo) {
        return TenantContext.callAs(tenant, () -> {
            Optional<Order> order = orders.find(orderNo)
                    .filter(found -> found.status() == OrderStatus.PENDING_PAYMENT);
            if (order.isEmpty()) {
                return PaymentOutcome.NOT_PAID;
            }
            Optional<Trade> trade = gateway.query(tenant, orderNo).filter(t -> t.status().isPaid());
            if (trade.isEmpty()) {
                return PaymentOutcome.NOT_PAID;
            }
            if (!trade.get().totalAmount().equals(order.get().amounts().total())) {
                LOG.warn("orders: Alipay trade {} of {} paid {}, not the total {}: left to the notify",
                        trade.get().tradeNo(), orderNo, trade.get().totalAmount().toPlainString(),
                        order.get().amounts().total().toPlainString());
                return PaymentOutcome.AMOUNT_MISMATCH;
            }
            PaymentOutcome outcome = payments.pay(new PaymentFacts(orderNo, trade.get().tradeNo(),
                    trade.get().totalAmount(), trade.get().status(), trade.get().paidAt()));
            LOG.info("orders: {} found paid by query (trade {}): {}", orderNo, trade.get().tradeNo(), outcome);
            return outcome;
        });
    }
}
