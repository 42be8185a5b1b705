package io.vitrine.catalog.products;

import io.micronaut.serde.annotation.Serdeable;
import io.vitrine.kernel.outbox.OutboxEvent;
import io.vitrine.kernel.tenancy.TenantId;

/** A product was deleted (published in the same transaction). */
@Serdeable
public record ProductDeleted(TenantId tenant, String sku) implements OutboxEvent {

    public static final String TYPE = "catalog.ProductDeleted";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String businessKey() {
        return sku;
    }
}
