package io.vitrine.api.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import io.vitrine.tenants.registry.TenantDirectory;
import io.vitrine.tenants.staff.StaffSessions;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Checked on every staff JWT after its signature and expiry: the account must still stand at the
 * token's generation (not disabled, not signed out since: {@link StaffSessions}) and the token's tenant
 * must not be suspended ({@link TenantDirectory#isSuspended}). A refused token is no credential at all:
 * 401, on every instance at once (both answers come from the shared cache in cluster mode).
 *
 * <p>Every token {@link StaffTokens} issues names its account ({@code sid}). A token without one names
 * no session to revoke: only code holding the signing secret can mint it (tests, tooling), and that code
 * could mint any token anyway, so it is judged by its signature, expiry and tenant alone.
 *
 * <p>micronaut-security-jwt validates tokens on its blocking executor, so the cache and database reads
 * here do not hold up the event loop. Cost per request: two cache reads (two Redis GETs in cluster mode).
 */
@Singleton
class StaffTokenStanding implements GenericJwtClaimsValidator<HttpRequest<?>> {

    private final StaffSessions sessions;
    private final TenantDirectory tenants;

    StaffTokenStanding(StaffSessions sessions, TenantDirectory tenants) {
        this.sessions = sessions;
        this.tenants = tenants;
    }

    @Override
    public boolean validate(Claims claims, @Nullable HttpRequest<?> request) {
        Optional<String> staffId = StaffClaims.staffIdOf(claims);
        if (staffId.isPresent() && !sessions.accepts(staffId.get(), StaffClaims.generationOf(claims))) {
            return false;
        }
        return StaffClaims.tenantOfClaims(claims).map(tenant -> !tenants.isSuspended(tenant)).orElse(true);
    }
}
