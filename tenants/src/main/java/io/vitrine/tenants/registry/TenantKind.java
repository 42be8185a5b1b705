package io.vitrine.tenants.registry;

/** A park runs a bonded zone and onboards merchants; the other kinds are merchants in one park. */
public enum TenantKind {
    PARK, RETAILER, IMPORTER, BRAND;

    public boolean isMerchant() {
        return this != PARK;
    }
}
