package io.vitrine.tenants.parks;

import io.micronaut.data.model.Page;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.registry.Tenant;
import io.vitrine.tenants.registry.TenantRegistry;

import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;

/**
 * The member tenants a park's staff (its PARK_ADMINs and CUSTOMS_OFFICERs) oversee: what other modules read across
 * a park (customs' declarations) is asked for with exactly these tenant ids. Anyone else — a merchant's staff, a
 * platform admin, an account of no tenant — oversees no member: an empty list, never "all".
 */
@Singleton
public class ParkMembership {

    private static final int PAGE = 500;

    private final TenantRegistry registry;

    public ParkMembership(TenantRegistry registry) {
        this.registry = registry;
    }

    /** The members of the actor's park (by slug), whatever their status; empty unless the actor is park staff. */
    public List<Tenant> membersOverseenBy(Actor actor) {
        if (actor.role() == null || !actor.role().belongsToPark() || actor.tenant() == null) {
            return List.of();
        }
        return membersOf(actor.tenant());
    }

    /** Every member of the park, by slug. */
    public List<Tenant> membersOf(TenantId park) {
        List<Tenant> members = new ArrayList<>();
        for (int page = 0; ; page++) {
            Page<Tenant> found = registry.membersOf(park, page, PAGE);
            members.addAll(found.getContent());
            if (found.getContent().size() < PAGE) {
                return members;
            }
        }
    }
}
