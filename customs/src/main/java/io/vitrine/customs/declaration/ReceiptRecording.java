package io.vitrine.customs.declaration;

import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.customs.messages.DeclarationReceipt;
import io.vitrine.kernel.outbox.Outbox;
import io.vitrine.kernel.tenancy.TenantContext;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.orders.ordering.Clearances;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Records one receipt, once, for the message it answers and moves the declaration as {@link DeclarationStatus}
 * allows, in the message's tenant and one transaction; then tells orders: REJECTED with customs' reason (100 or a
 * negative status), RELEASED (800); a leg accepted (120) publishes {@link DeclarationLegAccepted}. A receipt recorded
 * before, or one the table does not allow (a 120 after the 800), changes nothing.
 */
@Singleton
public class ReceiptRecording {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiptRecording.class);

    private final DeclarationStore store;
    private final Clearances clearances;
    private final Outbox outbox;
    private final Clock clock;

    ReceiptRecording(DeclarationStore store, Clearances clearances, Outbox outbox, Clock clock) {
        this.store = store;
        this.clearances = clearances;
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
                receipt.returnStatus(), receipt.returnTime(), receipt.returnInfo(), now, receipt.invtNo()));
        if (!first) {
            return false;
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
        } else if (next.get() == DeclarationStatus.RELEASED) {
            clearances.released(answered.orderNo());
        } else if (next.get() == DeclarationStatus.ACCEPTED) {
            outbox.publish(new DeclarationLegAccepted(tenant, answered.orderNo(), leg.get()));
        }
        return true;
    }
}
