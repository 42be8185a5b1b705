package io.vitrine.oversight.display;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.registry.Tenant;
import io.vitrine.tenants.registry.TenantDirectory;
import io.vitrine.tenants.stores.Store;
import io.vitrine.tenants.stores.Stores;
import io.vitrine.tenants.warehouses.BondedWarehouse;
import io.vitrine.tenants.warehouses.ParkWarehouses;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Where an account may be opened: a store of the tenant and a bonded warehouse of the tenant's park (the store's own
 * by default). Anything else is 404, so another tenant's store or another park's warehouse does not leak.
 */
@Singleton
class AccountPlace {

    private final Stores stores;
    private final TenantDirectory directory;
    private final ParkWarehouses warehouses;

    AccountPlace(Stores stores, TenantDirectory directory, ParkWarehouses warehouses) {
        this.stores = stores;
        this.directory = directory;
        this.warehouses = warehouses;
    }

    record Place(TenantId park, String storeCode, String warehouseCode) {
    }

    Place resolve(Actor by, TenantId tenant, String storeCode, @Nullable String warehouseCode) {
        Store store = stores.get(by, storeCode);
        Tenant merchant = directory.require(tenant);
        if (merchant.parkId() == null) {
            throw new NotFoundException("No such bonded warehouse in your park.");
        }
        TenantId park = TenantId.of(merchant.parkId());
        String warehouse = warehouseCode == null || warehouseCode.isBlank() ? store.warehouseCode() : warehouseCode.strip();
        warehouses.ofPark(park, warehouse).orElseThrow(() -> new NotFoundException("No such bonded warehouse in your park."));
        return new Place(park, store.code(), warehouse);
    }

    /** The warehouse's account book number (emsNo), for the report; empty when the park no longer lists it. */
    Optional<String> emsNo(TenantId park, String warehouseCode) {
        return warehouses.ofPark(park, warehouseCode).map(BondedWarehouse::emsNo);
    }

    /** The tenant's slug, for the park's report. */
    String slugOf(TenantId tenant) {
        return directory.find(tenant).map(Tenant::slug).orElse(tenant.value());
    }
}
