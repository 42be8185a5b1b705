package io.vitrine.api.customs;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import io.vitrine.api.security.StaffClaims;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.access.StaffRole;
import io.vitrine.tenants.parks.ParkMembership;
import io.vitrine.tenants.registry.Tenant;
import io.vitrine.tenants.registry.TenantDirectory;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whose declarations a caller reads (issue #6 "Console"): a RETAILER_ADMIN its own tenant's; a PARK_ADMIN or
 * CUSTOMS_OFFICER every member of its park (tenants' {@link ParkMembership}); anyone else none. The same set decides
 * who may read a message's signed XML: the merchant's admins and its park's admins and customs officers (store
 * managers never: the XML carries the buyer's identity in full). An optional tenant slug narrows the set to one
 * tenant of it; a slug outside it is 404, as if no such tenant existed.
 */
@Singleton
public class DeclarationScopes {

    private final TenantDirectory directory;
    private final ParkMembership membership;

    DeclarationScopes(TenantDirectory directory, ParkMembership membership) {
        this.directory = directory;
        this.membership = membership;
    }

    public Scope of(Authentication caller, @Nullable String tenantSlug) {
        Actor actor = StaffClaims.actorOf(caller);
        List<Tenant> tenants;
        if (actor.is(StaffRole.RETAILER_ADMIN)) {
            tenants = actor.tenantId().flatMap(directory::find).map(List::of).orElse(List.of());
        } else {
            tenants = membership.membersOverseenBy(actor);
        }
        Map<TenantId, Tenant> byId = new LinkedHashMap<>();
        for (Tenant tenant : tenants) {
            if (tenantSlug == null || tenantSlug.isBlank() || tenant.slug().equals(tenantSlug.strip())) {
                byId.put(tenant.tenantId(), tenant);
            }
        }
        if (tenantSlug != null && !tenantSlug.isBlank() && byId.isEmpty()) {
            throw new NotFoundException("No such tenant.");
        }
        return new Scope(actor, Map.copyOf(byId), tenants);
    }

    /**
     * @param tenants the tenants read (after the slug filter), by id
     * @param all     every tenant the caller may read, for a filter's choices
     */
    public record Scope(Actor actor, Map<TenantId, Tenant> tenants, List<Tenant> all) {

        public Set<TenantId> ids() {
            return tenants.keySet();
        }

        public String slugOf(TenantId tenant) {
            Tenant found = tenants.get(tenant);
            return found == null ? "" : found.slug();
        }

        public String nameOf(TenantId tenant) {
            Tenant found = tenants.get(tenant);
            return found == null ? "" : found.name();
        }

        /** Park staff, who read many tenants (pages show a tenant column and filter). */
        public boolean parkSide() {
            return actor.role() != null && actor.role().belongsToPark();
        }
    }
}
