package io.vitrine.tenants.onboarding;

/** SUBMITTED -> APPROVED (the tenant exists) or REJECTED (with a reason); both are final. */
public enum ApplicationStatus {
    SUBMITTED, APPROVED, REJECTED
}
