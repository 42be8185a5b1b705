package io.vitrine.api.console.park;

import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.parks.ParkAccess;
import io.vitrine.tenants.registry.Tenant;
import io.vitrine.tenants.registry.TenantDirectory;
import jakarta.inject.Singleton;

/**
 * The park a park admin's console shows: always their own, so console addresses carry no park slug
 * (the API's {@code /parks/{parkSlug}} paths do, and ParkAccess still decides).
 */
@Singleton
class OwnPark {

    private final TenantDirectory directory;
    private final ParkAccess parks;

    OwnPark(TenantDirectory directory, ParkAccess parks) {
        this.directory = directory;
        this.parks = parks;
    }

    Tenant of(Actor admin) {
        Tenant own = admin.tenantId().flatMap(directory::find)
                .orElseThrow(() -> new NotFoundException("This account belongs to no park."));
        return parks.asAdmin(admin, own.slug());
    }
}
