package io.vitrine.tenants.staff;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.tenants.access.StaffRole;

/**
 * Who just signed in: what goes into the staff JWT. {@code tokenGeneration} is the account's at sign-in:
 * the token stands while the account is active at that generation ({@link StaffSessions}).
 */
public record SignedInStaff(String staffId, String username, StaffRole role, @Nullable TenantId tenant,
                            int tokenGeneration) {
}
