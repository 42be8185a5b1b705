package io.vitrine.api.testing;

import io.micronaut.context.annotation.Secondary;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.security.authentication.Authentication;
import io.vitrine.kernel.tenancy.RequestTenantSource;
import io.vitrine.kernel.tenancy.TenantId;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Stands in, in tests only, for the api's request tenant source until the real one (the staff JWT's
 * {@code tenant} claim, device credentials, the storefront path) is on this branch: reads the
 * {@code tenant} claim of the signed-in staff member. {@link Secondary}, so the real bean wins
 * once it exists.
 */
@Singleton
@Secondary
class TenantClaimForTests implements RequestTenantSource {

    @Override
    public Optional<TenantId> requestTenant() {
        return ServerRequestContext.currentRequest()
                .flatMap(request -> request.getUserPrincipal(Authentication.class))
                .map(authentication -> authentication.getAttributes().get("tenant"))
                .map(claim -> TenantId.of(claim.toString()));
    }
}
