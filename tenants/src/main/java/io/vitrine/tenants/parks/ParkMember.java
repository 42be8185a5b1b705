package io.vitrine.tenants.parks;

import io.vitrine.tenants.registry.Tenant;

/** A merchant tenant of a park, as {@link ParkAccess} found it for one of the park's admins. */
public record ParkMember(Tenant park, Tenant member) {
}
