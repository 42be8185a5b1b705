package io.vitrine.tenants.stores;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TenantId;

/** One store a store-bound staff member (store manager) may see. */
@MappedEntity("staff_store_scopes")
public record StoreScope(@Id String id, @TenantId @Nullable String tenantId, String staffId, String storeCode) {
}
