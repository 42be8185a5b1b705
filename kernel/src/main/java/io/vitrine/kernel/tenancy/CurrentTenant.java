package io.vitrine.kernel.tenancy;

import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * The tenant the current work runs for: the one set by {@link TenantContext#runAs}, else the
 * current request's. Tenant-filtered repositories resolve through it (see
 * {@code tenancy.infra.PropagatedTenantResolver}); so can any service that needs the tenant.
 */
@Singleton
public class CurrentTenant {

    private final BeanProvider<RequestTenantSource> requestSource;

    public CurrentTenant(BeanProvider<RequestTenantSource> requestSource) {
        this.requestSource = requestSource;
    }

    public Optional<TenantId> find() {
        Optional<TenantId> explicit = TenantContext.current();
        if (explicit.isPresent()) {
            return explicit;
        }
        return requestSource.isPresent() ? requestSource.get().requestTenant() : Optional.empty();
    }

    public TenantId require() {
        return find().orElseThrow(TenantNotResolvedException::new);
    }
}
