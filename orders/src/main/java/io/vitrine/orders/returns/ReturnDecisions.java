package io.vitrine.orders.returns;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.error.FieldChecks;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.kernel.outbox.Outbox;
import io.vitrine.kernel.tenancy.CurrentTenant;
import io.vitrine.orders.ordering.OrderReturning;
import io.vitrine.tenants.access.Actor;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The retailer's decision on a REQUESTED return (api.md {@code POST /api/v1/returns/{returnNo}/approve} ·
 * {@code /reject}), in the current tenant: the return's row is locked, {@link ReturnStatus}' table decides (409
 * otherwise: of two concurrent approvals one wins, the other finds it APPROVED), and an approval publishes
 * {@link ReturnApproved} in the same transaction, once.
 */
@Singleton
public class ReturnDecisions {

    private final ReturnRequests returns;
    private final OrderReturning orders;
    private final Outbox outbox;
    private final CurrentTenant currentTenant;
    private final Clock clock;

    ReturnDecisions(ReturnRequests returns, OrderReturning orders, Outbox outbox, CurrentTenant currentTenant,
                    Clock clock) {
        this.returns = returns;
        this.orders = orders;
        this.outbox = outbox;
        this.currentTenant = currentTenant;
        this.clock = clock;
    }

    /** REQUESTED → APPROVED, with {@link ReturnApproved} for customs' CEB625. */
    @Transactional
    public ReturnRequest approve(Actor by, String returnNo) {
        ReturnRequest approved = returns.update(locked(returnNo).decided(ReturnStatus.APPROVED, by.id(), now(), null));
        outbox.publish(ReturnApproved.of(currentTenant.require(), approved));
        orders.note(approved.orderNo(), by.id(), "return " + returnNo + " approved");
        return approved;
    }

    /** REQUESTED → REJECTED with the retailer's reason (400 {@code reason} REQUIRED / TOO_LONG, nothing changed). */
    @Transactional
    public ReturnRequest reject(Actor by, String returnNo, @Nullable String reason) {
        FieldChecks checks = new FieldChecks();
        String why = checks.text("reason", reason, ReturnForm.MAX_REASON);
        checks.throwIfAny();
        ReturnRequest rejected = returns.update(locked(returnNo).decided(ReturnStatus.REJECTED, by.id(), now(), why));
        orders.note(rejected.orderNo(), by.id(), "return " + returnNo + " rejected: " + why);
        return rejected;
    }

    private ReturnRequest locked(String returnNo) {
        return returns.lock(returnNo).orElseThrow(() -> new NotFoundException(StaffReturns.NOT_FOUND));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
