package io.vitrine.tenants.access;

/**
 * What a staff account may do; carried as the JWT role. Platform admins belong to no tenant; park
 * admins and customs officers to a park; retailer admins and store managers to a merchant.
 */
public enum StaffRole {
    PLATFORM_ADMIN,
    PARK_ADMIN,
    RETAILER_ADMIN,
    STORE_MANAGER,
    /** Park side: reads declarations and resubmits them. */
    CUSTOMS_OFFICER;

    public boolean belongsToPark() {
        return this == PARK_ADMIN || this == CUSTOMS_OFFICER;
    }

    public boolean belongsToMerchant() {
        return this == RETAILER_ADMIN || this == STORE_MANAGER;
    }

    /** Sees only the stores it is scoped to. */
    public boolean isStoreBound() {
        return this == STORE_MANAGER;
    }
}
