package io.vitrine.tenants.stores;

import io.vitrine.kernel.outbox.Outbox;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.audit.AuditTrail;
import jakarta.inject.Singleton;

/**
 * What follows a store's creation or change inside its transaction: the audit trail entry and, when the store moved
 * to another warehouse, {@link StoreWarehouseChanged} (so the POS feed re-sends its shelf with the new stock).
 */
@Singleton
class StoreChanges {

    private final AuditTrail audit;
    private final Outbox outbox;

    StoreChanges(AuditTrail audit, Outbox outbox) {
        this.audit = audit;
        this.outbox = outbox;
    }

    void created(Actor by, TenantId tenant, Store store) {
        audit.record(by, tenant, "STORE_CREATED", "store", store.code(), null);
    }

    void changed(Actor by, TenantId tenant, Store before, Store after) {
        audit.record(by, tenant, "STORE_UPDATED", "store", after.code(), null);
        if (!before.warehouseCode().equals(after.warehouseCode())) {
            outbox.publish(new StoreWarehouseChanged(tenant, after.code(), before.warehouseCode(),
                    after.warehouseCode()));
        }
    }
}
