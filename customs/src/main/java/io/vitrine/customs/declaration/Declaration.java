package io.vitrine.customs.declaration;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.tenancy.TenantId;

import java.time.Instant;
import java.util.Optional;

/**
 * One order's declaration: its overall status, each leg's, and customs' reason when it was rejected. The order
 * (CEB311) and payment ({@code alipay.trade.customs.declare}) legs end at acceptance; the inventory list (CEB621) is
 * sent only once both are accepted and the order has its waybill, and goes on to release.
 *
 * @param tradeMode 1210, 1239 or 9610 (GENERAL is never declared)
 */
public record Declaration(String id, TenantId tenant, String orderNo, String tradeMode, DeclarationStatus status,
                          DeclarationStatus orderLeg, DeclarationStatus paymentLeg, DeclarationStatus inventoryLeg,
                          @Nullable String rejectionReason, Instant createdAt, Instant updatedAt) {

    public static Declaration open(String id, TenantId tenant, String orderNo, String tradeMode, Instant at) {
        return new Declaration(id, tenant, orderNo, tradeMode, DeclarationStatus.PENDING, DeclarationStatus.PENDING,
                DeclarationStatus.PENDING, DeclarationStatus.PENDING, null, at, at);
    }

    public DeclarationStatus leg(Leg leg) {
        return switch (leg) {
            case ORDER -> orderLeg;
            case PAYMENT -> paymentLeg;
            case INVENTORY -> inventoryLeg;
        };
    }

    /**
     * Whether the inventory list may be sent now: the order and payment legs accepted and nothing sent for the
     * inventory list yet. (The waybill, the third precondition, is orders' to tell.)
     */
    public boolean readyForInventoryList() {
        return orderLeg == DeclarationStatus.ACCEPTED && paymentLeg == DeclarationStatus.ACCEPTED
                && inventoryLeg == DeclarationStatus.PENDING;
    }

    /**
     * The declaration after news about one leg (sent, or a receipt), or empty when {@link DeclarationStatus} does
     * not allow that move for the leg (the order and payment legs never go past acceptance). The whole follows the
     * leg where the table allows it; the inventory leg, sent last, sets the whole's status (DECLARING when sent,
     * RELEASED, REJECTED…).
     */
    public Optional<Declaration> after(Leg leg, DeclarationStatus next, @Nullable String reason, Instant at) {
        DeclarationStatus current = leg(leg);
        if (!current.canBecome(next) || leg != Leg.INVENTORY && !next.endsAtAcceptance()) {
            return Optional.empty();
        }
        // the whole is accepted once the order and the payment legs both are, not on the first of the two; the
        // inventory list goes out last, once they are: from then on it is the whole's status
        boolean otherLegPending = next == DeclarationStatus.ACCEPTED && leg != Leg.INVENTORY
                && leg(leg == Leg.ORDER ? Leg.PAYMENT : Leg.ORDER) != DeclarationStatus.ACCEPTED;
        DeclarationStatus overall = leg == Leg.INVENTORY || status.canBecome(next) && !otherLegPending ? next : status;
        String why = next == DeclarationStatus.REJECTED ? reason : next == DeclarationStatus.DECLARING ? null
                : rejectionReason;
        return Optional.of(new Declaration(id, tenant, orderNo, tradeMode, overall,
                leg == Leg.ORDER ? next : orderLeg, leg == Leg.PAYMENT ? next : paymentLeg,
                leg == Leg.INVENTORY ? next : inventoryLeg, why, createdAt, at));
    }

    /**
     * The declaration of an order the shop cancelled after customs rejected it: the whole CANCELLED (so it is never
     * resubmitted), each leg as it was; empty unless it is REJECTED.
     */
    public Optional<Declaration> givenUp(Instant at) {
        if (status != DeclarationStatus.REJECTED) {
            return Optional.empty();
        }
        return Optional.of(new Declaration(id, tenant, orderNo, tradeMode, DeclarationStatus.CANCELLED, orderLeg,
                paymentLeg, inventoryLeg, rejectionReason, createdAt, at));
    }

    /** Whether an inventory list is with customs and still stands: only a cancellation (CEB623) takes it back. */
    public boolean inventoryListStands() {
        return switch (inventoryLeg) {
            case DECLARING, ACCEPTED, REVIEW, INSPECTION, DETAINED -> true;
            default -> false;
        };
    }
}
