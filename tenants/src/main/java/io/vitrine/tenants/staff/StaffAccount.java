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

/**
 * A staff member's sign-in. The table is a platform-wide directory (sign-in finds the account by
 * username before any tenant is known); {@code tenantId} is null only for platform admins, and every
 * tenant-facing read goes through {@link StaffDirectory}, which filters by the caller's tenant.
 *
 * <p>{@code tokenGeneration} is written into every JWT issued to the account; disabling the account or
 * signing out moves it on, so every token issued before stops working ({@link StaffSessions}).
 */
@MappedEntity("staff_accounts")
public record StaffAccount(@Id String id,
                           @Nullable String tenantId,
                           String username,
                           String passwordHash,
                           StaffRole role,
                           StaffStatus status,
                           int failedAttempts,
                           @Nullable @TypeDef(type = DataType.STRING, converter = UtcDatetimeText.class) Instant lockedUntil,
                           @Nullable @TypeDef(type = DataType.STRING, converter = UtcDatetimeText.class) Instant lastLoginAt,
                           @TypeDef(type = DataType.STRING, converter = UtcDatetimeText.class) Instant createdAt,
                           int tokenGeneration) {

    /** A new account: no failed sign-in yet, never signed in, its first token generation. */
    public static StaffAccount create(String id, @Nullable String tenantId, String username, String passwordHash,
                                      StaffRole role, Instant createdAt) {
        return new StaffAccount(id, tenantId, username, passwordHash, role, StaffStatus.ACTIVE, 0, null, null, createdAt, 0);
    }

    public boolean isActive() {
        return status == StaffStatus.ACTIVE;
    }

    @Nullable
    public TenantId tenant() {
        return tenantId == null ? null : TenantId.of(tenantId);
    }

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    @Override
    public String toString() {
        // never the hash, not even in a debug log
        return "StaffAccount[" + id + ", " + username + ", " + role + "]";
    }
}
