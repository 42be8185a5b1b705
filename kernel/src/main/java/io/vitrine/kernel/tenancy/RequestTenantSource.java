package io.vitrine.kernel.tenancy;

import java.util.Optional;

/**
 * Where the tenant of the current HTTP request comes from (staff JWT, device credential or the
 * storefront path {@code /s/{tenantSlug}}). The api module implements it; code running outside a
 * request has none and must use {@link TenantContext#runAs}.
 */
public interface RequestTenantSource {

    /** The tenant of the request being served on this thread, empty outside a request. */
    Optional<TenantId> requestTenant();
}
