package io.vitrine.catalog.assortment;

import io.vitrine.catalog.products.ProductPlacementChanged;
import io.vitrine.catalog.products.SkuBatches;
import io.vitrine.kernel.outbox.Outbox;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.audit.AuditTrail;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What follows a replacement inside its transaction: the audit trail entry, and {@link ProductPlacementChanged}
 * for every SKU the store gained or lost, naming the store, so their search documents get the store's code or lose it
 * and that store's POS feed (only) tells them.
 */
@Singleton
class AssortmentChanges {

    private final Outbox outbox;
    private final AuditTrail audit;

    AssortmentChanges(Outbox outbox, AuditTrail audit) {
        this.outbox = outbox;
        this.audit = audit;
    }

    void replaced(Actor by, TenantId tenant, AssortmentChange change, Set<String> added, Set<String> removed) {
        audit.record(by, tenant, "ASSORTMENT_REPLACED", "store", change.storeCode(),
                change.skuCount() + " SKUs, " + change.added() + " added, " + change.removed() + " removed");
        Set<String> touched = new TreeSet<>(added);
        touched.addAll(removed);
        for (List<String> batch : SkuBatches.of(touched, ProductPlacementChanged.MAX_SKUS)) {
            outbox.publish(new ProductPlacementChanged(tenant, batch, change.storeCode()));
        }
    }
}
