package io.vitrine.api.console.retailer;

import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.registry.Tenant;
import io.vitrine.tenants.registry.TenantDirectory;
import io.vitrine.tenants.warehouses.BondedWarehouse;
import io.vitrine.tenants.warehouses.ParkWarehouses;
import jakarta.inject.Singleton;

import java.util.List;

/** The bonded warehouses a merchant's stores may be served from: those of its park, offered by the store form. */
@Singleton
class OwnWarehouses {

    private final TenantDirectory directory;
    private final ParkWarehouses warehouses;

    OwnWarehouses(TenantDirectory directory, ParkWarehouses warehouses) {
        this.directory = directory;
        this.warehouses = warehouses;
    }

    List<BondedWarehouse> of(Actor staff) {
        Tenant merchant = staff.tenantId().flatMap(directory::find).orElse(null);
        if (merchant == null || merchant.parkId() == null) {
            return List.of();
        }
        return warehouses.list(staff, directory.require(TenantId.of(merchant.parkId())).slug());
    }
}
