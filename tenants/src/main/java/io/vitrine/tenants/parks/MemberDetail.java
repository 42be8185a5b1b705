package io.vitrine.tenants.parks;

import io.vitrine.tenants.devices.FleetSummary;
import io.vitrine.tenants.registry.Tenant;

/** What a park admin reads of one member at a glance: the tenant, how many stores, its devices by state. */
public record MemberDetail(Tenant member, long stores, FleetSummary devices) {
}
