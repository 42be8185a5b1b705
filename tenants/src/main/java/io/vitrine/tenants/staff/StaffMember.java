package io.vitrine.tenants.staff;

import java.util.List;

/** A staff account of the tenant with the stores it is scoped to (empty: not store-bound). */
public record StaffMember(StaffAccount account, List<String> storeCodes) {
}
