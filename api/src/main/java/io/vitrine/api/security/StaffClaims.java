package io.vitrine.api.security;

import io.micronaut.security.authentication.Authentication;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.access.StaffRole;
import io.vitrine.tenants.staff.SignedInStaff;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a staff JWT carries beyond {@code sub} (the username) and {@code roles}: the {@code tenant}
 * claim (absent for platform admins) and the staff id ({@code sid}). The one place that writes and
 * reads them.
 */
public final class StaffClaims {

    public static final String TENANT = "tenant";
    public static final String STAFF_ID = "sid";

    private StaffClaims() {
    }

    static Authentication authenticationOf(SignedInStaff staff) {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put(STAFF_ID, staff.staffId());
        if (staff.tenant() != null) {
            attributes.put(TENANT, staff.tenant().value());
        }
        return Authentication.build(staff.username(), List.of(staff.role().name()), attributes);
    }

    /** The tenant claim of a staff token, if it has one. */
    public static Optional<TenantId> tenantOf(Authentication authentication) {
        Object tenant = authentication.getAttributes().get(TENANT);
        return tenant instanceof String value && !value.isBlank() ? Optional.of(TenantId.of(value)) : Optional.empty();
    }

    /** The acting staff member, for the domain's audited use cases. */
    public static Actor actorOf(Authentication authentication) {
        StaffRole role = authentication.getRoles().stream()
                .flatMap(name -> java.util.Arrays.stream(StaffRole.values()).filter(r -> r.name().equals(name)))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("a staff token without a staff role"));
        Object staffId = authentication.getAttributes().get(STAFF_ID);
        return Actor.staff(staffId == null ? authentication.getName() : staffId.toString(), authentication.getName(),
                role, tenantOf(authentication).orElse(null));
    }
}
