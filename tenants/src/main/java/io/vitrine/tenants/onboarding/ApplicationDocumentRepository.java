package io.vitrine.tenants.onboarding;

import io.micronaut.data.repository.CrudRepository;

import java.util.List;

/** Documents of the park's applications, filtered by the current tenant (the park). */
public interface ApplicationDocumentRepository extends CrudRepository<ApplicationDocument, String> {

    List<ApplicationDocument> findByApplicationIdOrderById(String applicationId);

    long countByApplicationId(String applicationId);
}
