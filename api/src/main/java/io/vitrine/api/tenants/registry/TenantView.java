package io.vitrine.api.tenants.registry;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.vitrine.kernel.time.ChinaTime;
import io.vitrine.tenants.registry.Tenant;

import java.time.OffsetDateTime;

/** A tenant as the API shows it. */
@Serdeable
public record TenantView(String id,
                         String kind,
                         String slug,
                         String name,
                         String legalName,
                         String uscc,
                         String customsCode,
                         @Nullable String customsPlace,
                         @Nullable String customsAreaCode,
                         @Nullable String parkId,
                         String status,
                         OffsetDateTime createdAt) {

    public static TenantView of(Tenant tenant) {
        return new TenantView(tenant.id(), tenant.kind().name(), tenant.slug(), tenant.name(), tenant.legalName(),
                tenant.uscc(), tenant.customsCode(), tenant.customsPlace(), tenant.customsAreaCode(), tenant.parkId(),
                tenant.status().name(), tenant.createdAt().atZone(ChinaTime.ZONE).toOffsetDateTime());
    }
}
