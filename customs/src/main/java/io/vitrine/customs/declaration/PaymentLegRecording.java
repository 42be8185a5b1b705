package io.vitrine.customs.declaration;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.outbox.Outbox;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.orders.ordering.Clearances;
import io.vitrine.orders.payment.CustomsDeclaration;
import io.vitrine.orders.payment.CustomsDeclarationQuery;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.UnaryOperator;

/**
 * The payment leg's bookkeeping, each step committed on its own (the listener calling Alipay runs in the outbox's
 * transaction, which a failed call rolls back): the declaration stored with its request number before the first
 * call; the attempt counted and the leg moved to DECLARING before each call; what Alipay answered, or why it did
 * not. An acceptance moves the leg to ACCEPTED and publishes {@link DeclarationLegAccepted} in the same transaction;
 * a rejection moves it to REJECTED with the reason and tells orders {@link Clearances#rejected} — except for a payer
 * who is not the buyer, whose order the listener cancels. A final declaration is
 * never changed again.
 */
@Singleton
class PaymentLegRecording {

    private final PaymentDeclarations payments;
    private final DeclarationStore declarations;
    private final Clearances clearances;
    private final Outbox outbox;
    private final Clock clock;

    PaymentLegRecording(PaymentDeclarations payments, DeclarationStore declarations, Clearances clearances,
                        Outbox outbox, Clock clock) {
        this.payments = payments;
        this.declarations = declarations;
        this.clearances = clearances;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The order's payment declaration, stored now with its request number if it had none. */
    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW)
    public PaymentDeclaration prepare(TenantId tenant, String orderNo) {
        payments.insert(PaymentDeclaration.prepare(tenant, orderNo, now()));
        return payments.find(tenant, orderNo).orElseThrow(() -> new IllegalStateException(
                "payment declaration of " + orderNo + " belongs to another tenant"));
    }

    /** A declare call is about to leave: counted, UNKNOWN until answered, the leg DECLARING. */
    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW)
    public PaymentDeclaration attempting(TenantId tenant, String orderNo) {
        Instant now = now();
        PaymentDeclaration attempted = change(tenant, orderNo, d -> d.attempted(now));
        moveLeg(tenant, orderNo, DeclarationStatus.DECLARING, null, now);
        return attempted;
    }

    /** The call gave no answer: why, kept for the staff; still UNKNOWN. */
    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW)
    public PaymentDeclaration unanswered(TenantId tenant, String orderNo, String error) {
        Instant now = now();
        return change(tenant, orderNo, d -> d.failed(error, now));
    }

    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW)
    public PaymentDeclaration answered(TenantId tenant, String orderNo, CustomsDeclaration answer) {
        Instant now = now();
        return settle(tenant, orderNo, d -> d.answered(answer, now), now);
    }

    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW)
    public PaymentDeclaration found(TenantId tenant, String orderNo, CustomsDeclarationQuery.Declared declared) {
        Instant now = now();
        return settle(tenant, orderNo, d -> d.found(declared, now), now);
    }

    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW)
    public PaymentDeclaration refused(TenantId tenant, String orderNo, String reason) {
        Instant now = now();
        return settle(tenant, orderNo, d -> d.refused(reason, now), now);
    }

    private PaymentDeclaration settle(TenantId tenant, String orderNo, UnaryOperator<PaymentDeclaration> next,
                                      Instant now) {
        PaymentDeclaration locked = locked(tenant, orderNo);
        if (locked.state().isFinal()) {
            return locked;
        }
        PaymentDeclaration settled = next.apply(locked);
        payments.update(settled);
        if (settled.state() == PaymentDeclaration.State.ACCEPTED) {
            if (moveLeg(tenant, orderNo, DeclarationStatus.ACCEPTED, null, now)) {
                outbox.publish(new DeclarationLegAccepted(tenant, orderNo, Leg.PAYMENT));
            }
        } else if (settled.state() == PaymentDeclaration.State.REJECTED) {
            String reason = "payment declaration rejected: " + settled.lastError();
            // a payer who is not the buyer ends the order (the listener cancels it); any other rejection is the staff's
            if (moveLeg(tenant, orderNo, DeclarationStatus.REJECTED, reason, now) && !settled.payerIsNotTheBuyer()) {
                clearances.rejected(orderNo, reason);
            }
        }
        return settled;
    }

    private PaymentDeclaration change(TenantId tenant, String orderNo, UnaryOperator<PaymentDeclaration> next) {
        PaymentDeclaration changed = next.apply(locked(tenant, orderNo));
        payments.update(changed);
        return changed;
    }

    private PaymentDeclaration locked(TenantId tenant, String orderNo) {
        return payments.lock(tenant, orderNo).orElseThrow(() -> new IllegalStateException(
                "no payment declaration for " + orderNo));
    }

    /** Moves the payment leg as {@link Declaration#after} allows; false when it does not (late or repeated news). */
    private boolean moveLeg(TenantId tenant, String orderNo, DeclarationStatus next, String reason, Instant at) {
        var moved = declarations.lock(tenant, orderNo).flatMap(d -> d.after(Leg.PAYMENT, next, reason, at));
        moved.ifPresent(declarations::update);
        return moved.isPresent();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
