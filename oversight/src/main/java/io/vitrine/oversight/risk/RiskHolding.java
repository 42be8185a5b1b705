package io.vitrine.oversight.risk;

import io.vitrine.kernel.id.Ids;
import io.vitrine.orders.ordering.RiskHolds;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Holds a flagged order: its flag stored (the rules and their evidence) and the order PAID → ON_HOLD through
 * orders' {@link RiskHolds}, the rules named on its timeline. In the caller's transaction and tenant.
 */
@Singleton
class RiskHolding {

    private final RiskFlags flags;
    private final RiskHolds holds;
    private final Ids ids;
    private final Clock clock;

    RiskHolding(RiskFlags flags, RiskHolds holds, Ids ids, Clock clock) {
        this.flags = flags;
        this.holds = holds;
        this.ids = ids;
        this.clock = clock;
    }

    Optional<RiskFlag> flagOf(String orderNo) {
        return flags.ofOrder(orderNo);
    }

    /** @return false when the order could not be held (no longer PAID): it goes on as it would have */
    boolean hold(ScreenedOrder order, List<Finding> findings) {
        List<RiskRule> rules = findings.stream().map(Finding::rule).toList();
        String evidence = findings.stream().map(f -> f.rule().name() + ": " + f.evidence())
                .collect(Collectors.joining("; "));
        if (evidence.length() > 1000) {
            evidence = evidence.substring(0, 1000);
        }
        if (!holds.hold(order.orderNo(), "risk review: " + rules.stream().map(Enum::name)
                .collect(Collectors.joining(", ")))) {
            return false;
        }
        flags.add(new RiskFlag(ids.nextId(), order.tenant(), order.scope(), order.orderNo(), order.storeCode(), rules,
                evidence, FlagStatus.OPEN, clock.instant(), null, null, null));
        return true;
    }
}
