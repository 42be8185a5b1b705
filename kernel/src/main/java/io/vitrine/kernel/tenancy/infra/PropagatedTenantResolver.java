package io.vitrine.kernel.tenancy.infra;

import io.micronaut.data.runtime.multitenancy.TenantResolver;
import io.vitrine.kernel.tenancy.CurrentTenant;
import jakarta.inject.Singleton;

import java.io.Serializable;

/**
 * Feeds Micronaut Data's discriminator multi-tenancy ({@code @TenantId} columns) from
 * {@link CurrentTenant}: generated queries filter on, and inserts fill, the tenant the work runs
 * for. Throws when there is none, so a forgotten {@code runAs} fails loudly instead of seeing
 * every tenant. Replaces Micronaut Data's default resolver, which only knows HTTP requests.
 */
@Singleton
public class PropagatedTenantResolver implements TenantResolver {

    private final CurrentTenant currentTenant;

    public PropagatedTenantResolver(CurrentTenant currentTenant) {
        this.currentTenant = currentTenant;
    }

    @Override
    public Serializable resolveTenantIdentifier() {
        return currentTenant.require().value();
    }
}
