package io.vitrine.catalog.products;

import io.vitrine.kernel.outbox.Outbox;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.audit.AuditTrail;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * What follows a product change inside its transaction: the audit trail entry and the outbox event that
 * other modules (the search index now; POS feeds later) react to.
 */
@Singleton
class ProductChanges {

    private final Outbox outbox;
    private final AuditTrail audit;

    ProductChanges(Outbox outbox, AuditTrail audit) {
        this.outbox = outbox;
        this.audit = audit;
    }

    void created(Actor by, TenantId tenant, Product product) {
        audit.record(by, tenant, "PRODUCT_CREATED", "product", product.sku(), null);
        outbox.publish(new ProductChanged(tenant, product.sku()));
    }

    void updated(Actor by, TenantId tenant, Product product) {
        audit.record(by, tenant, "PRODUCT_UPDATED", "product", product.sku(), null);
        outbox.publish(new ProductChanged(tenant, product.sku()));
    }

    /** Many products created at once (a bulk import's batch): one entry and one event each, batched. */
    void created(Actor by, TenantId tenant, List<Product> products) {
        audit.recordAll(by, tenant, "PRODUCT_CREATED", "product", products.stream().map(Product::sku).toList());
        outbox.publishAll(products.stream().map(product -> new ProductChanged(tenant, product.sku())).toList());
    }

    /** Many products changed at once (a bulk import's batch): one entry and one event each, batched. */
    void updated(Actor by, TenantId tenant, List<Product> products) {
        audit.recordAll(by, tenant, "PRODUCT_UPDATED", "product", products.stream().map(Product::sku).toList());
        outbox.publishAll(products.stream().map(product -> new ProductChanged(tenant, product.sku())).toList());
    }

    void deleted(Actor by, TenantId tenant, Product product) {
        audit.record(by, tenant, "PRODUCT_DELETED", "product", product.sku(), null);
        outbox.publish(new ProductDeleted(tenant, product.sku()));
    }
}
