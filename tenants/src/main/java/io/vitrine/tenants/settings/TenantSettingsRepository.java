package io.vitrine.tenants.settings;

import io.micronaut.data.repository.CrudRepository;

import java.util.List;

/** The current tenant's settings row (at most one; filtered by the tenant). Implemented in {@code infra}. */
public interface TenantSettingsRepository extends CrudRepository<TenantSettings, String> {

    List<TenantSettings> findAll();
}
