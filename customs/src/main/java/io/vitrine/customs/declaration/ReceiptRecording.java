package io.vitrine.customs.declaration;

import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.customs.messages.DeclarationReceipt;
import io.vitrine.customs.messages.MessageType;
import io.vitrine.kernel.outbox.Outbox;
import io.vitrine.kernel.tenancy.TenantContext;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.orders.ordering.Clearances;
import io.vitrine.orders.returns.ReturnClearances;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Records one receipt, once, for the message it answers and moves the declaration as {@link DeclarationStatus}
 * allows, in the message's tenant and one transaction; then tells orders: REJECTED with customs' reason (100 or a
 * negative status), RELEASED (800); a leg accepted (120) publishes {@link DeclarationLegAccepted}. A CEB624 (the
 * answer to a cancellation) is routed apart: its 800 cancels the inventory list and the order; so is a CEB626 (the
 * answer to a return request), which moves the return, never the declaration. A receipt recorded before, or one the
 * table does not allow (a 120 after the 800), changes nothing. A release publishes {@link DeclarationReleased}, a
 * rejection {@link DeclarationRejected} (the park's statistics).
 */
@Singleton
public class ReceiptRecording {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiptRecording.class);

    /** The CEB624 returnStatus that confirms a cancellation (see {@link #cancellation}). */
    static final int CANCELLATION_DONE = 800;

    /** The CEB626 returnStatus that accepts a return request (see {@link #returnRequest}). */
    static final int RETURN_ACCEPTED = 800;

    private final DeclarationStore store;
    private final Clearances clearances;
    private final ReturnClearances returns;
    private final Outbox outbox;
    private final Clock clock;

    ReceiptRecording(DeclarationStore store, Clearances clearances, ReturnClearances returns, Outbox outbox,
                     Clock clock) {
        this.store = store;
        this.clearances = clearances;
        this.returns = returns;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * @param receiptGuid the receipt's own id
     * @return whether the declaration moved (false too when the receipt answers no message of ours)
     */
    @Transactional
    public boolean record(String receiptGuid, DeclarationReceipt receipt) {
        var answered = store.message(receipt.guid().toUpperCase(Locale.ROOT));
        if (answered.isEmpty()) {
            LOG.warn("customs: receipt {} answers {}, no message of ours", receiptGuid, receipt.guid());
            return false;
        }
        TenantId tenant = answered.get().tenant();
        return TenantContext.callAs(tenant, () -> record(tenant, answered.get(), receiptGuid, receipt));
    }

    private boolean record(TenantId tenant, DeclarationMessage answered, String receiptGuid,
                           DeclarationReceipt receipt) {
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        boolean first = store.record(new RecordedReceipt(receiptGuid, tenant, answered.guid(), answered.orderNo(),
                receipt.returnStatus(), receipt.returnTime(), receipt.returnInfo(), now, receipt.preNo(),
                receipt.invtNo()));
        if (!first) {
            return false;
        }
        if (answered.messageType().equals(MessageType.CEB623.code())) {
            return cancellation(tenant, answered, receipt, now);
        }
        if (answered.messageType().equals(MessageType.CEB625.code())) {
            return returnRequest(tenant, answered, receiptGuid, receipt);
        }
        var next = DeclarationStatus.ofReturnStatus(receipt.returnStatus());
        var leg = Leg.of(answered.messageType());
        if (next.isEmpty() || leg.isEmpty()) {
            LOG.info("customs: receipt {} status {} on {} recorded, no move", receiptGuid, receipt.returnStatus(),
                    answered.messageType());
            return false;
        }
        String reason = receipt.returnInfo() == null || receipt.returnInfo().isBlank()
                ? "returnStatus " + receipt.returnStatus() : receipt.returnInfo();
        var moved = store.lock(tenant, answered.orderNo())
                .flatMap(d -> d.after(leg.get(), next.get(), reason, now));
        if (moved.isEmpty()) {
            return false;
        }
        store.update(moved.get());
        if (next.get() == DeclarationStatus.REJECTED) {
            clearances.rejected(answered.orderNo(), reason);
            outbox.publish(new DeclarationRejected(tenant, answered.orderNo(), moved.get().tradeMode(),
                    leg.get().name(), now));
        } else if (next.get() == DeclarationStatus.RELEASED) {
            clearances.released(answered.orderNo());
            outbox.publish(new DeclarationReleased(tenant, answered.orderNo(), moved.get().tradeMode(),
                    moved.get().createdAt(), receipt.returnTime() == null ? now : receipt.returnTime()));
        } else if (next.get() == DeclarationStatus.ACCEPTED) {
            outbox.publish(new DeclarationLegAccepted(tenant, answered.orderNo(), leg.get()));
        }
        return true;
    }

    /**
     * A CEB624 on our CEB623. 800 is the one that means done: in the single window 2 (declaring) and 120 (taken into
     * customs' system) only say the request arrived, and the cancellation takes effect when customs approves it —
     * the 800 the simulator also answers last (2, 120, 800). Then the inventory leg and the declaration are
     * CANCELLED and orders cancels the order (refund once, units and quota back). 100 or negative: customs refused
     * the cancellation — the inventory list stands, the order's timeline says why, the shop may ask again.
     */
    private boolean cancellation(TenantId tenant, DeclarationMessage answered, DeclarationReceipt receipt,
                                 java.time.Instant now) {
        String info = receipt.returnInfo() == null || receipt.returnInfo().isBlank()
                ? "returnStatus " + receipt.returnStatus() : receipt.returnInfo();
        if (receipt.returnStatus() == CANCELLATION_DONE) {
            var moved = store.lock(tenant, answered.orderNo())
                    .flatMap(d -> d.after(Leg.INVENTORY, DeclarationStatus.CANCELLED, null, now));
            if (moved.isEmpty()) {
                return false;
            }
            store.update(moved.get());
            clearances.cancelled(answered.orderNo(), Clearances.ACTOR_CUSTOMS,
                    "inventory list cancelled by customs (CEB624): " + info);
            return true;
        }
        if (receipt.isFailure() || receipt.returnStatus() == 100) {
            clearances.noted(answered.orderNo(), Clearances.ACTOR_CUSTOMS, "customs refused the cancellation: " + info);
        }
        return false;
    }

    /**
     * A CEB626 on our CEB625. The return became DECLARED when the request was sent; 2 and 120 only say it arrived
     * (they make sure it is DECLARED: a no-op unless the send's own step was lost), 800 is customs' acceptance →
     * ACCEPTED, 100 or negative → the return REJECTED with customs' reason. The declaration stays as it is
     * (RELEASED): a return does not un-release the inventory list.
     */
    private boolean returnRequest(TenantId tenant, DeclarationMessage answered, String receiptGuid,
                                  DeclarationReceipt receipt) {
        var returnNo = store.returnOf(tenant, answered.guid());
        if (returnNo.isEmpty()) {
            LOG.warn("customs: receipt {} answers return request {}, linked to no return", receiptGuid,
                    answered.guid());
            return false;
        }
        if (receipt.isFailure() || receipt.returnStatus() == 100) {
            return returns.refusedByCustoms(returnNo.get(), receipt.returnInfo() == null
                    || receipt.returnInfo().isBlank() ? "returnStatus " + receipt.returnStatus() : receipt.returnInfo());
        }
        boolean declared = returns.declared(returnNo.get());
        if (receipt.returnStatus() == RETURN_ACCEPTED) {
            return returns.accepted(returnNo.get());
        }
        return declared;
    }
}
