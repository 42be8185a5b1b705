package io.vitrine.customs.declaration;

import io.micronaut.context.annotation.Requires;
import io.vitrine.kernel.tenancy.TenantContext;
import io.vitrine.kernel.tenancy.TenantId;
import jakarta.inject.Singleton;

/**
 * Sends a corrected inventory list (CEB621 appType 2, a new guid and file, {@code Submission.correct}) after customs
 * rejected the inventory leg (100 or a negative receipt): stored on its own first, then handed off, the inventory leg
 * and the declaration DECLARING again and the order DECLARING again (orders' REJECTED → DECLARING). The list is
 * rebuilt from the order, the waybill and the warehouse as they are now (the data corrected since). A retry after a
 * failed send sends the same correction again; once it went out, a second call is a conflict until customs answers.
 * The api's {@code POST …/resubmit} calls this through {@link DeclarationResubmission}.
 */
@Singleton
@Requires(beans = MessageSending.class)
public class InventoryListResubmission implements InventoryListCorrection {

    private final InventoryLegPreparation preparation;
    private final MessageSending sending;

    InventoryListResubmission(InventoryLegPreparation preparation, MessageSending sending) {
        this.preparation = preparation;
        this.sending = sending;
    }

    /**
     * @return the guid of the corrected inventory list
     * @throws io.vitrine.kernel.error.NotFoundException when the order has no declaration in this tenant
     * @throws io.vitrine.kernel.error.ConflictException when the inventory leg is not rejected
     */
    @Override
    public String resubmit(TenantId tenant, String orderNo) {
        return TenantContext.callAs(tenant, () -> {
            DeclarationMessage correction = preparation.correction(tenant, orderNo);
            sending.send(correction);
            return correction.guid();
        });
    }
}
