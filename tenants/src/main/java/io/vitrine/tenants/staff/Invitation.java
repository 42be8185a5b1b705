package io.vitrine.tenants.staff;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.kernel.time.UtcDatetimeText;
import io.vitrine.tenants.access.StaffRole;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A one-time invitation to set up a staff account of {@code role} in {@code tenantId}. Found by the
 * token's hash before any tenant is known, so the table is platform-wide like the accounts.
 */
@MappedEntity("invitations")
public record Invitation(@Id String id,
                         String tenantId,
                         String tokenHash,
                         StaffRole role,
                         @Nullable String username,
                         @Nullable String storeCodes,
                         @Nullable String createdBy,
                         @TypeDef(type = DataType.STRING, converter = UtcDatetimeText.class) Instant createdAt,
                         @TypeDef(type = DataType.STRING, converter = UtcDatetimeText.class) Instant expiresAt,
                         @Nullable @TypeDef(type = DataType.STRING, converter = UtcDatetimeText.class) Instant usedAt,
                         @Nullable String usedBy) {

    public TenantId tenant() {
        return TenantId.of(tenantId);
    }

    public List<String> storeCodeList() {
        return storeCodes == null || storeCodes.isEmpty() ? List.of() : Arrays.asList(storeCodes.split(","));
    }

    public boolean isUsed() {
        return usedAt != null;
    }

    public boolean hasExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
