package io.vitrine.tenants.onboarding;

import io.vitrine.tenants.registry.Tenant;
import io.vitrine.tenants.staff.IssuedInvitation;

/** An approval's outcome: the new merchant tenant and its first admin's one-time invitation. */
public record ApprovedApplication(MerchantApplication application, Tenant merchant, IssuedInvitation adminInvitation) {
}
