package io.vitrine.tenants.stores;

import io.micronaut.serde.annotation.Serdeable;
import io.vitrine.kernel.outbox.OutboxEvent;
import io.vitrine.kernel.tenancy.TenantId;

/**
 * A store is now served from another bonded warehouse (published through the outbox in the transaction of the
 * change, by {@link Stores#update} and the bulk import's {@link Stores#put}): what it has in stock is now that
 * warehouse's. The POS catalog feed tells the store's devices every SKU of its assortment again, with the new stock.
 * Business key: the store code.
 */
@Serdeable
public record StoreWarehouseChanged(TenantId tenant, String storeCode, String fromWarehouse, String toWarehouse)
        implements OutboxEvent {

    public static final String TYPE = "tenants.StoreWarehouseChanged";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String businessKey() {
        return storeCode;
    }
}
