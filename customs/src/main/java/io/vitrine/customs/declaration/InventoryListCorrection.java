package io.vitrine.customs.declaration;

import io.vitrine.kernel.tenancy.TenantId;

/**
 * Port: sends a rejected inventory list (CEB621) again, corrected (appType 2), for {@link DeclarationResubmission}.
 * {@link InventoryListResubmission} implements it (a bean only where messages can be sent); without one, resubmitting
 * a rejected inventory list answers 409 {@code INVENTORY_RESUBMIT_UNAVAILABLE}. Called after the corrected
 * particulars were committed, outside any transaction; it must be safe to call twice (one message).
 */
public interface InventoryListCorrection {

    /** @return the guid of the corrected inventory list */
    String resubmit(TenantId tenant, String orderNo);
}
