package io.vitrine.catalog.stock;

import io.vitrine.catalog.products.ProductRepository;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.kernel.tenancy.CurrentTenant;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.tenants.registry.Tenant;
import io.vitrine.tenants.registry.TenantDirectory;
import io.vitrine.tenants.warehouses.ParkWarehouses;
import jakarta.inject.Singleton;

/**
 * What stock may be kept of: a bonded warehouse of the current tenant's park and a product of the tenant.
 * Anything else — another park's warehouse, another tenant's SKU — is not found (404), so existence never
 * leaks across tenants.
 */
@Singleton
class StockTargets {

    private final CurrentTenant currentTenant;
    private final TenantDirectory directory;
    private final ParkWarehouses warehouses;
    private final ProductRepository products;

    StockTargets(CurrentTenant currentTenant, TenantDirectory directory, ParkWarehouses warehouses,
                 ProductRepository products) {
        this.currentTenant = currentTenant;
        this.directory = directory;
        this.warehouses = warehouses;
        this.products = products;
    }

    /** The current tenant, once the warehouse and the product are known to be its own. */
    TenantId require(String warehouseCode, String sku) {
        TenantId tenant = requireWarehouse(warehouseCode);
        if (sku == null || !products.existsBySku(sku)) {
            throw new NotFoundException("No such product.");
        }
        return tenant;
    }

    TenantId requireWarehouse(String warehouseCode) {
        TenantId tenant = currentTenant.require();
        Tenant merchant = directory.require(tenant);
        boolean known = warehouseCode != null && merchant.parkId() != null
                && warehouses.ofPark(TenantId.of(merchant.parkId()), warehouseCode).isPresent();
        if (!known) {
            throw new NotFoundException("No such bonded warehouse in your park.");
        }
        return tenant;
    }
}
