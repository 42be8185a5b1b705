package io.vitrine.oversight.risk;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.customs.declaration.ReleasedFromHold;
import io.vitrine.kernel.error.ConflictException;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.kernel.outbox.Outbox;
import io.vitrine.kernel.tenancy.TenantContext;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.orders.ordering.OrderCancellations;
import io.vitrine.orders.ordering.OrderStatus;
import io.vitrine.orders.ordering.Orders;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.audit.AuditTrail;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Set;

/**
 * The review of a held order (api.md {@code POST /api/v1/risk/flags/{id}/resolve}), by a park admin of the order's
 * park, in one transaction with its audit line ({@value #RELEASED_ACTION} / {@value #CANCELLED_ACTION}, concerning the
 * order's merchant, subject the flag):
 * <ul>
 *   <li>release: the flag RELEASED and customs' {@link ReleasedFromHold} published, so the order is declared, once;
 *   409 {@value #NOT_ON_HOLD} when the order left the hold meanwhile (the shop cancelled it);</li>
 *   <li>cancel: the flag CANCELLED and the order cancelled through orders' own path, refunded in full once
 *   ({@code <orderNo>-C}), its stock and quota given back.</li>
 * </ul>
 * A flag outside the caller's tenants is 404; one already resolved is 409 {@value #RESOLVED}, also when two reviews
 * race (the flag moves only while OPEN). A refund that fails undoes the whole decision.
 */
@Singleton
public class RiskReview {

    public static final String RESOLVED = "RISK_FLAG_RESOLVED";
    public static final String NOT_ON_HOLD = "ORDER_NOT_ON_HOLD";
    /** The audit actions of the two decisions. */
    public static final String RELEASED_ACTION = "risk.flag.released";
    public static final String CANCELLED_ACTION = "risk.flag.cancelled";

    private final RiskFlags flags;
    private final Orders orders;
    private final OrderCancellations cancellations;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final Clock clock;

    RiskReview(RiskFlags flags, Orders orders, OrderCancellations cancellations, Outbox outbox, AuditTrail audit,
               Clock clock) {
        this.flags = flags;
        this.orders = orders;
        this.cancellations = cancellations;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public RiskFlag resolve(Set<TenantId> visible, Actor reviewer, String flagId, RiskDecision decision,
                            @Nullable String note) {
        RiskFlag flag = flags.find(visible, flagId).orElseThrow(() -> new NotFoundException("No such risk flag."));
        if (flag.status() != FlagStatus.OPEN) {
            throw resolved(flag.status());
        }
        if (!flags.resolve(flagId, decision.outcome(), clock.instant(), reviewer.id(), note)) {
            throw resolved(null);
        }
        TenantContext.runAs(flag.tenant(), () -> carryOut(flag, reviewer, decision, note));
        audit.record(reviewer, flag.tenant(), decision == RiskDecision.RELEASE ? RELEASED_ACTION : CANCELLED_ACTION,
                "risk_flag", flagId, "order " + flag.orderNo() + (note == null ? "" : ": " + note));
        return flags.find(visible, flagId).orElseThrow();
    }

    private void carryOut(RiskFlag flag, Actor reviewer, RiskDecision decision, @Nullable String note) {
        if (decision == RiskDecision.RELEASE) {
            OrderStatus status = orders.lock(flag.orderNo()).map(o -> o.status())
                    .orElseThrow(() -> new NotFoundException("No such order."));
            if (status != OrderStatus.ON_HOLD) {
                throw new ConflictException(NOT_ON_HOLD, "Order " + flag.orderNo() + " is " + status.name()
                        + ", no longer on hold: there is nothing to release.");
            }
            outbox.publish(new ReleasedFromHold(flag.tenant(), flag.orderNo()));
        } else {
            cancellations.cancel(flag.orderNo(), reviewer.id(),
                    "cancelled after risk review" + (note == null ? "" : ": " + note));
        }
    }

    private static ConflictException resolved(@Nullable FlagStatus status) {
        return new ConflictException(RESOLVED, "This risk flag was already resolved"
                + (status == null ? "." : " (" + status.name() + ")."));
    }
}
