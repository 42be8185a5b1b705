package io.vitrine.catalog.products;

import io.micronaut.serde.annotation.Serdeable;
import io.vitrine.kernel.outbox.OutboxEvent;
import io.vitrine.kernel.tenancy.TenantId;

/**
 * A product was created or changed (published in the same transaction). It names the SKU only: a
 * listener reads the product as it is when the event reaches it, so late or repeated deliveries never
 * bring back an older state.
 */
@Serdeable
public record ProductChanged(TenantId tenant, String sku) implements OutboxEvent {

    public static final String TYPE = "catalog.ProductChanged";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String businessKey() {
        return sku;
    }
}
