package io.vitrine.api.stats;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import io.vitrine.api.security.StaffClaims;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.oversight.stats.StatsScope;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.access.StaffRole;
import io.vitrine.tenants.parks.ParkMembership;
import io.vitrine.tenants.registry.Tenant;
import io.vitrine.tenants.registry.TenantDirectory;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whose statistics a caller reads (issue #9): a RETAILER_ADMIN its own tenant's; a PARK_ADMIN or CUSTOMS_OFFICER every
 * member of its park (tenants' {@link ParkMembership}); the PLATFORM_ADMIN every tenant's. An optional tenant slug
 * narrows it to one tenant the caller may read; any other slug is 404, as if no such tenant existed.
 */
@Singleton
public class StatsScopes {

    private final TenantDirectory directory;
    private final ParkMembership membership;

    StatsScopes(TenantDirectory directory, ParkMembership membership) {
        this.directory = directory;
        this.membership = membership;
    }

    public Scope of(Authentication caller, @Nullable String tenantSlug) {
        Actor actor = StaffClaims.actorOf(caller);
        boolean narrowed = tenantSlug != null && !tenantSlug.isBlank();
        if (actor.is(StaffRole.PLATFORM_ADMIN)) {
            if (!narrowed) {
                return new Scope(StatsScope.everyTenant(), Map.of(), directory, true);
            }
            Tenant one = directory.findBySlug(tenantSlug.strip()).orElseThrow(StatsScopes::notFound);
            return new Scope(StatsScope.of(java.util.Set.of(one.tenantId())), Map.of(one.tenantId(), one), directory,
                    true);
        }
        List<Tenant> readable = actor.is(StaffRole.RETAILER_ADMIN)
                ? actor.tenantId().flatMap(directory::find).map(List::of).orElse(List.of())
                : membership.membersOverseenBy(actor);
        Map<TenantId, Tenant> byId = new LinkedHashMap<>();
        for (Tenant tenant : readable) {
            if (!narrowed || tenant.slug().equals(tenantSlug.strip())) {
                byId.put(tenant.tenantId(), tenant);
            }
        }
        if (narrowed && byId.isEmpty()) {
            throw notFound();
        }
        return new Scope(StatsScope.of(byId.keySet()), Map.copyOf(byId), directory,
                actor.role() != null && actor.role().belongsToPark());
    }

    private static NotFoundException notFound() {
        return new NotFoundException("No such tenant.");
    }

    /**
     * @param scope    what the statistics add up
     * @param known    the tenants of the scope, by id (empty for the platform admin's "every tenant")
     * @param manyTenants whether the caller reads several tenants (pages show a tenant column and filter)
     */
    public record Scope(StatsScope scope, Map<TenantId, Tenant> known, TenantDirectory directory,
                        boolean manyTenants) {

        /** The tenant's slug, for a report's tenant column. */
        public String slugOf(TenantId tenant) {
            Tenant found = known.get(tenant);
            if (found == null) {
                Optional<Tenant> looked = directory.find(tenant);
                return looked.map(Tenant::slug).orElse(tenant.value());
            }
            return found.slug();
        }

        public String nameOf(TenantId tenant) {
            Tenant found = known.get(tenant);
            return found != null ? found.name() : directory.find(tenant).map(Tenant::name).orElse(tenant.value());
        }
    }
}
