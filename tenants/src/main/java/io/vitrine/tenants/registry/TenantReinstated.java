package io.vitrine.tenants.registry;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.vitrine.kernel.outbox.OutboxEvent;
import io.vitrine.kernel.tenancy.TenantId;

/**
 * A park reinstated a suspended member (published through the outbox in the same transaction): its
 * storefront answers again. Business key: the tenant's slug.
 */
@Serdeable
public record TenantReinstated(TenantId tenant, String slug, @Nullable String parkId) implements OutboxEvent {

    public static final String TYPE = "tenants.TenantReinstated";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String businessKey() {
        return slug;
    }
}
