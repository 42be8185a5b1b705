package io.vitrine.tenants.staff;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/** A new staff member as an admin sends it: {@code {username, role, storeCodes}} (api.md). */
public record StaffForm(@Nullable String username, @Nullable String role, @Nullable List<String> storeCodes) {
}
