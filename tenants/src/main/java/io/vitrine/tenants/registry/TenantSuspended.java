package io.vitrine.tenants.registry;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.vitrine.kernel.outbox.OutboxEvent;
import io.vitrine.kernel.tenancy.TenantId;

/**
 * A park suspended one of its members (published through the outbox in the same transaction): its
 * storefront and kiosk pages answer 404 from then on. Business key: the tenant's slug.
 */
@Serdeable
public record TenantSuspended(TenantId tenant, String slug, @Nullable String parkId) implements OutboxEvent {

    public static final String TYPE = "tenants.TenantSuspended";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String businessKey() {
        return slug;
    }
}
