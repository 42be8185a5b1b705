package io.vitrine.tenants.parks;

import io.vitrine.tenants.registry.Tenant;
import io.vitrine.tenants.staff.IssuedInvitation;

/** A new park and the one-time invitation for its first admin. */
public record CreatedPark(Tenant park, IssuedInvitation adminInvitation) {
}
