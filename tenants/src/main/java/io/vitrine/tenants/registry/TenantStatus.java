package io.vitrine.tenants.registry;

public enum TenantStatus {
    ACTIVE, SUSPENDED
}
