package io.vitrine.oversight.stats;

import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.customs.declaration.DeclarationRejected;
import io.vitrine.customs.declaration.DeclarationReleased;
import io.vitrine.kernel.time.ChinaTime;
import io.vitrine.orders.ordering.OrderPaid;
import io.vitrine.orders.ordering.OrderRefusedAtClearance;
import io.vitrine.orders.returns.ReturnReceived;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;

/**
 * What each event adds to the statistics, in the event's tenant and the caller's transaction, each fact once
 * ({@link StatsOrders}): a payment (an order, what was paid, the tax) on the China day it was paid; the first decision
 * on a declaration — the earliest-decided of customs' release, customs' rejection or clearance's refusal of the order
 * (its payment leg), whatever the order of delivery: a later-decided one counted before is taken back from its day —
 * on the day it was taken, passed if it was the release; the release with its clearance time on its day; a return
 * whose goods came back, with its refund, and an order refused at clearance's full refund, on their days.
 */
@Singleton
public class StatsRecording {

    /** The refund number orders gives the full refund of a cancelled order ({@code <orderNo>-C}). */
    private static final String CANCELLATION_REFUND = "-C";

    private final OrderKeysLookup lookup;
    private final StatsOrders orders;
    private final StatsRollups rollups;

    StatsRecording(OrderKeysLookup lookup, StatsOrders orders, StatsRollups rollups) {
        this.lookup = lookup;
        this.orders = orders;
        this.rollups = rollups;
    }

    @Transactional
    public void paid(OrderPaid paid) {
        OrderKeys keys = lookup.keysOf(paid.orderNo());
        if (orders.countPaid(paid.orderNo())) {
            rollups.add(keys, ChinaTime.dateOf(paid.paidAt()), StatsDelta.paid(paid.totalFen(), paid.taxFen()));
        }
    }

    @Transactional
    public void released(DeclarationReleased released) {
        OrderKeys keys = lookup.keysOf(released.orderNo());
        StatsDelta delta = decide(keys, released.orderNo(), new Decision(true, released.releasedAt()));
        if (orders.countRelease(released.orderNo())) {
            StatsDelta release = StatsDelta.released(
                    Math.max(0, Duration.between(released.openedAt(), released.releasedAt()).toSeconds()));
            delta = delta == null ? release : delta.plus(release);
        }
        if (delta != null) {
            rollups.add(keys, ChinaTime.dateOf(released.releasedAt()), delta);
        }
    }

    @Transactional
    public void rejected(DeclarationRejected rejected) {
        OrderKeys keys = lookup.keysOf(rejected.orderNo());
        StatsDelta delta = decide(keys, rejected.orderNo(), new Decision(false, rejected.rejectedAt()));
        if (delta != null) {
            rollups.add(keys, ChinaTime.dateOf(rejected.rejectedAt()), delta);
        }
    }

    /**
     * Clearance refused the order for good (the payment leg: the payer is not the buyer) and orders cancelled and
     * refunded it in full: a decision not passed, and the refund, at {@code at} (when the event was published, in the
     * cancelling transaction).
     */
    @Transactional
    public void refusedAtClearance(OrderRefusedAtClearance refused, Instant at) {
        OrderKeys keys = lookup.keysOf(refused.orderNo());
        StatsDelta delta = decide(keys, refused.orderNo(), new Decision(false, at));
        if (orders.countReturn(keys.tenant(), refused.orderNo() + CANCELLATION_REFUND)) {
            StatsDelta refund = StatsDelta.refunded(lookup.paidFen(refused.orderNo()));
            delta = delta == null ? refund : delta.plus(refund);
        }
        if (delta != null) {
            rollups.add(keys, ChinaTime.dateOf(at), delta);
        }
    }

    @Transactional
    public void returned(ReturnReceived received) {
        OrderKeys keys = lookup.keysOf(received.orderNo());
        if (orders.countReturn(keys.tenant(), received.returnNo())) {
            rollups.add(keys, ChinaTime.dateOf(received.receivedAt()), StatsDelta.returned(received.refundFen()));
        }
    }

    /**
     * Records the decision; when it replaces a later-decided one counted before, takes that one back from its day.
     * Answers what to add on the decision's own day (null: nothing).
     */
    private StatsDelta decide(OrderKeys keys, String orderNo, Decision decision) {
        DecisionChange change = orders.decide(orderNo, decision);
        change.replacedDecision().ifPresent(replaced -> rollups.add(keys, ChinaTime.dateOf(replaced.at()),
                StatsDelta.undecided(replaced.passed())));
        return change.counts() ? StatsDelta.decided(decision.passed()) : null;
    }
}
