package io.vitrine.tenants.registry;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.kernel.time.UtcDatetimeText;

import java.time.Instant;

/**
 * A park or a merchant. Platform-wide by nature (architecture.md "Tenancy"): its {@code id} is the
 * {@code tenant_id} of everything it owns. A merchant belongs to exactly one park ({@code parkId}), which
 * may suspend it: {@code statusReason} and {@code statusChangedAt} say why and since when (null until then).
 */
@MappedEntity("tenants")
public record Tenant(@Id String id,
                     TenantKind kind,
                     String slug,
                     String name,
                     String legalName,
                     String uscc,
                     String customsCode,
                     @Nullable String customsPlace,
                     @Nullable String customsAreaCode,
                     @Nullable String parkId,
                     TenantStatus status,
                     @TypeDef(type = DataType.STRING, converter = UtcDatetimeText.class) Instant createdAt,
                     @Nullable String statusReason,
                     @Nullable @TypeDef(type = DataType.STRING, converter = UtcDatetimeText.class) Instant statusChangedAt) {

    public TenantId tenantId() {
        return TenantId.of(id);
    }

    public boolean isPark() {
        return kind == TenantKind.PARK;
    }

    public boolean isActive() {
        return status == TenantStatus.ACTIVE;
    }

    /** The same tenant in another status, for the reason given, from {@code at}. */
    public Tenant withStatus(TenantStatus newStatus, String reason, Instant at) {
        return new Tenant(id, kind, slug, name, legalName, uscc, customsCode, customsPlace, customsAreaCode, parkId,
                newStatus, createdAt, reason, at);
    }

    /** True for a merchant of this park (a park is not its own member). */
    public boolean isMemberOf(TenantId park) {
        return parkId != null && parkId.equals(park.value());
    }
}
