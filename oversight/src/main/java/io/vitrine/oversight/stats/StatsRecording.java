package io.vitrine.oversight.stats;

import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.customs.declaration.DeclarationRejected;
import io.vitrine.customs.declaration.DeclarationReleased;
import io.vitrine.kernel.time.ChinaTime;
import io.vitrine.orders.ordering.OrderPaid;
import io.vitrine.orders.returns.ReturnReceived;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * What each event adds to the statistics, in the event's tenant and the caller's transaction, each fact once
 * ({@link StatsOrders}): a payment (an order, what was paid, the tax) on the China day it was paid; customs' first
 * decision on a declaration (passed if it was the release) and the release with its clearance time on the day of the
 * decision; a return whose goods came back, with its refund, on the day they came back.
 */
@Singleton
public class StatsRecording {

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
        StatsDelta delta = null;
        if (orders.decide(released.orderNo(), true)) {
            delta = StatsDelta.decided(true);
        }
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
        if (orders.decide(rejected.orderNo(), false)) {
            rollups.add(keys, ChinaTime.dateOf(rejected.rejectedAt()), StatsDelta.decided(false));
        }
    }

    @Transactional
    public void returned(ReturnReceived received) {
        OrderKeys keys = lookup.keysOf(received.orderNo());
        if (orders.countReturn(keys.tenant(), received.returnNo())) {
            rollups.add(keys, ChinaTime.dateOf(received.receivedAt()), StatsDelta.returned(received.refundFen()));
        }
    }
}
