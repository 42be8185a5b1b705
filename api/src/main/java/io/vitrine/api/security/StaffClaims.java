package io.vitrine.api.security;

import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.Claims;
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
 * claim (absent for platform admins), the staff id ({@code sid}) and the account's token generation at
 * sign-in ({@code gen}; {@link StaffTokenStanding} refuses the token once the account moved on). The one
 * place that writes and reads them.
 */
public final class StaffClaims {

    public static final String TENANT = "tenant";
    public static final String STAFF_ID = "sid";
    public static final String TOKEN_GENERATION = "gen";

    private StaffClaims() {
    }

    static Authentication authenticationOf(SignedInStaff staff) {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put(STAFF_ID, staff.staffId());
        attributes.put(TOKEN_GENERATION, staff.tokenGeneration());
        if (staff.tenant() != null) {
            attributes.put(TENANT, staff.tenant().value());
        }
        return Authentication.build(staff.username(), List.of(staff.role().name()), attributes);
    }

    /** The staff id of a token's claims, if it has one. */
    static Optional<String> staffIdOf(Claims claims) {
        return claims.get(STAFF_ID) instanceof String staffId && !staffId.isBlank() ? Optional.of(staffId) : Optional.empty();
    }

    /** The token generation of a token's claims; tokens issued before generations existed count as 0. */
    static int generationOf(Claims claims) {
        return claims.get(TOKEN_GENERATION) instanceof Number generation ? generation.intValue() : 0;
    }

    /** The tenant claim of a token's claims, if it has one. */
    static Optional<TenantId> tenantOfClaims(Claims claims) {
        return claims.get(TENANT) instanceof String value && !value.isBlank() ? Optional.of(TenantId.of(value)) : Optional.empty();
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
