package io.vitrine.tenants.stores;

import io.micronaut.data.repository.CrudRepository;

import java.util.List;

/** Store scopes of the current tenant's staff (filtered by the tenant). Implemented in {@code infra}. */
public interface StoreScopeRepository extends CrudRepository<StoreScope, String> {

    List<StoreScope> findByStaffIdOrderByStoreCode(String staffId);
}
