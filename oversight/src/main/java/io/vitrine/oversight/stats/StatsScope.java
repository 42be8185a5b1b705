package io.vitrine.oversight.stats;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.tenancy.TenantId;

import java.util.Set;

/**
 * Whose statistics a report adds up: an explicit set of tenants (a retailer: itself; a park: its members, from
 * tenants' {@code ParkMembership}), or every tenant (the platform admin). An empty set finds nothing, never "all".
 */
public record StatsScope(@Nullable Set<TenantId> tenants) {

    public StatsScope {
        tenants = tenants == null ? null : Set.copyOf(tenants);
    }

    public static StatsScope everyTenant() {
        return new StatsScope(null);
    }

    public static StatsScope of(Set<TenantId> tenants) {
        return new StatsScope(tenants);
    }

    public boolean isEveryTenant() {
        return tenants == null;
    }
}
