package io.vitrine.api.tenants.registry;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.vitrine.api.security.StaffClaims;
import io.vitrine.api.tenants.Listing;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.kernel.tenancy.CurrentTenant;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.access.StaffRole;
import io.vitrine.tenants.parks.ParkAccess;
import io.vitrine.tenants.registry.Tenant;
import io.vitrine.tenants.registry.TenantDirectory;
import io.vitrine.tenants.registry.TenantRegistry;

/** The caller's own tenant, and a park's member tenants. */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
class TenantController {

    private final CurrentTenant currentTenant;
    private final TenantDirectory directory;
    private final TenantRegistry registry;
    private final ParkAccess parks;

    TenantController(CurrentTenant currentTenant, TenantDirectory directory, TenantRegistry registry, ParkAccess parks) {
        this.currentTenant = currentTenant;
        this.directory = directory;
        this.registry = registry;
        this.parks = parks;
    }

    /** The caller's tenant; a platform admin has none (404). */
    @Get("/tenant")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    TenantView tenant() {
        Tenant tenant = currentTenant.find().flatMap(directory::find)
                .orElseThrow(() -> new NotFoundException("This account belongs to no tenant."));
        return TenantView.of(tenant);
    }

    /** Member tenants of a park, for its admins (and platform admins). */
    @Get("/parks/{parkSlug}/tenants")
    @Secured({"PARK_ADMIN", "PLATFORM_ADMIN"})
    Listing<TenantView> members(@PathVariable String parkSlug, Authentication caller,
                                @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size) {
        Listing.checkPage(page, size);
        Actor actor = StaffClaims.actorOf(caller);
        Tenant park = actor.is(StaffRole.PLATFORM_ADMIN)
                ? parks.asReader(actor, parkSlug) : parks.asAdmin(actor, parkSlug);
        return Listing.of(registry.membersOf(park.tenantId(), page, size), TenantView::of);
    }
}
