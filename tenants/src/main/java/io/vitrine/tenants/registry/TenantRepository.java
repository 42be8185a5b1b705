package io.vitrine.tenants.registry;

import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.repository.CrudRepository;

import java.util.Optional;

/** Tenants' rows (platform-wide, no tenant filter); implemented in {@code infra}. */
public interface TenantRepository extends CrudRepository<Tenant, String> {

    Optional<Tenant> findBySlug(String slug);

    boolean existsBySlug(String slug);

    boolean existsByUscc(String uscc);

    Page<Tenant> findByParkId(String parkId, Pageable pageable);

    /** {@code SELECT ... FOR UPDATE}: status changes of one tenant take turns. */
    Optional<Tenant> findByIdForUpdate(String id);
}
