package io.vitrine.tenants.onboarding;

import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.repository.CrudRepository;

/**
 * The park's applications. Every generated query is filtered by the current tenant (the park):
 * run inside {@code TenantContext.callAs(park, ...)}. Implemented in {@code infra}.
 */
public interface MerchantApplicationRepository extends CrudRepository<MerchantApplication, String> {

    Page<MerchantApplication> findByStatus(ApplicationStatus status, Pageable pageable);

    Page<MerchantApplication> findAll(Pageable pageable);

    boolean existsBySlugAndStatus(String slug, ApplicationStatus status);

    boolean existsByUsccAndStatus(String uscc, ApplicationStatus status);
}
