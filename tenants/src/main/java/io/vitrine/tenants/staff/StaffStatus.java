package io.vitrine.tenants.staff;

public enum StaffStatus {
    ACTIVE, DISABLED
}
