package io.vitrine.tenants.themes;

import io.micronaut.data.repository.CrudRepository;

import java.util.List;

/** The current tenant's theme row (at most one; filtered by the tenant). Implemented in {@code infra}. */
public interface TenantThemeRepository extends CrudRepository<TenantTheme, String> {

    List<TenantTheme> findAll();
}
