package io.vitrine.tenants.parks;

import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.access.StaffRole;
import io.vitrine.tenants.registry.Tenant;
import io.vitrine.tenants.registry.TenantDirectory;
import jakarta.inject.Singleton;

/**
 * Who may act on a park named in a path ({@code /api/v1/parks/{parkSlug}/...}). Anyone else gets the
 * same 404 as for a park that does not exist (architecture.md: existence never leaks).
 */
@Singleton
public class ParkAccess {

    private final TenantDirectory directory;

    public ParkAccess(TenantDirectory directory) {
        this.directory = directory;
    }

    /** The park, when the actor is one of its PARK_ADMINs. */
    public Tenant asAdmin(Actor actor, String parkSlug) {
        Tenant park = directory.parkBySlug(parkSlug);
        if (actor.is(StaffRole.PARK_ADMIN) && park.tenantId().equals(actor.tenant())) {
            return park;
        }
        throw notFound();
    }

    /**
     * A member of the park, when the actor is one of the park's admins. Another park's member, the park
     * itself and an unknown slug are the same 404 (whatever the member's status: a suspended one is still
     * the park's to read and reinstate).
     */
    public ParkMember memberAsAdmin(Actor actor, String parkSlug, String memberSlug) {
        Tenant park = asAdmin(actor, parkSlug);
        Tenant member = directory.findBySlug(memberSlug)
                .filter(tenant -> tenant.isMemberOf(park.tenantId()))
                .orElseThrow(() -> new NotFoundException("No such member tenant."));
        return new ParkMember(park, member);
    }

    /** The park, when the actor is its admin, a platform admin, or staff of the park or of one of its members. */
    public Tenant asReader(Actor actor, String parkSlug) {
        Tenant park = directory.parkBySlug(parkSlug);
        if (actor.is(StaffRole.PLATFORM_ADMIN)) {
            return park;
        }
        TenantId own = actor.tenant();
        if (own != null && (own.equals(park.tenantId())
                || directory.find(own).map(tenant -> tenant.isMemberOf(park.tenantId())).orElse(false))) {
            return park;
        }
        throw notFound();
    }

    /** An open park for the public (applications): a suspended one takes none. */
    public Tenant open(String parkSlug) {
        Tenant park = directory.parkBySlug(parkSlug);
        if (!park.isActive()) {
            throw notFound();
        }
        return park;
    }

    private static NotFoundException notFound() {
        return new NotFoundException("No such park.");
    }
}
