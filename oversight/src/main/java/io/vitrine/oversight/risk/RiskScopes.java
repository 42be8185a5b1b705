package io.vitrine.oversight.risk;

import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.tenants.registry.Tenant;
import io.vitrine.tenants.registry.TenantDirectory;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whose rules apply to a tenant's orders: its park's (a merchant belongs to one park for good, so the answer is
 * kept in memory), or the tenant's own when it belongs to none (a park, or a tenant set up outside onboarding).
 */
@Singleton
public class RiskScopes {

    private static final int KEPT = 10_000;

    private final TenantDirectory directory;
    private final Map<TenantId, TenantId> known = new ConcurrentHashMap<>();

    RiskScopes(TenantDirectory directory) {
        this.directory = directory;
    }

    public TenantId scopeOf(TenantId tenant) {
        TenantId scope = known.get(tenant);
        if (scope != null) {
            return scope;
        }
        scope = directory.find(tenant).map(Tenant::parkId).map(TenantId::of).orElse(tenant);
        if (known.size() >= KEPT) {
            known.clear();
        }
        known.put(tenant, scope);
        return scope;
    }
}
