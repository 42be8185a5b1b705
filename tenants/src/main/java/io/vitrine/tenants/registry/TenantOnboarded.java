package io.vitrine.tenants.registry;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.vitrine.kernel.outbox.OutboxEvent;
import io.vitrine.kernel.tenancy.TenantId;

/**
 * A park was created or a merchant approved into one (published through the outbox in the same
 * transaction). Business key: the tenant's slug.
 */
@Serdeable
public record TenantOnboarded(TenantId tenant, TenantKind kind, String slug, @Nullable String parkId) implements OutboxEvent {

    public static final String TYPE = "tenants.TenantOnboarded";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String businessKey() {
        return slug;
    }
}
