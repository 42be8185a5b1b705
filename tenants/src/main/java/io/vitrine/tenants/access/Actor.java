package io.vitrine.tenants.access;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.tenancy.TenantId;

import java.util.Objects;
import java.util.Optional;

/**
 * Who is acting, as the audit trail records it: a signed-in staff member (from the JWT), an applicant
 * holding an application token, or the system itself (start-up, jobs).
 *
 * @param id     staff id, {@code applicant:<application id>} or {@code system}
 * @param name   username, when there is one
 * @param role   the staff role, when a staff member acts
 * @param tenant the actor's own tenant; empty for platform admins, applicants and the system
 */
public record Actor(String id, @Nullable String name, @Nullable StaffRole role, @Nullable TenantId tenant) {

    public Actor {
        Objects.requireNonNull(id, "id");
    }

    public static Actor staff(String staffId, String username, StaffRole role, @Nullable TenantId tenant) {
        return new Actor(staffId, username, Objects.requireNonNull(role, "role"), tenant);
    }

    public static Actor applicant(String applicationId) {
        return new Actor("applicant:" + applicationId, null, null, null);
    }

    public static Actor system() {
        return new Actor("system", null, null, null);
    }

    public boolean is(StaffRole expected) {
        return role == expected;
    }

    public Optional<TenantId> tenantId() {
        return Optional.ofNullable(tenant);
    }

    /** The staff id when a staff member acts, for "decided by"/"created by" columns. */
    @Nullable
    public String staffId() {
        return role == null ? null : id;
    }
}
