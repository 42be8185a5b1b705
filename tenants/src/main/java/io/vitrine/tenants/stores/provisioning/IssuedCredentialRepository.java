package io.vitrine.tenants.stores.provisioning;

import io.micronaut.data.annotation.WithoutTenantId;
import io.micronaut.data.model.Sort;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;

/** The current tenant's issued credentials (filtered by it), and the platform-wide purge. Implemented in {@code infra}. */
public interface IssuedCredentialRepository extends CrudRepository<IssuedCredential, String> {

    List<IssuedCredential> findByJobId(String jobId, Sort sort);

    int deleteByJobId(String jobId);

    /** Every tenant's credentials issued before {@code issuedAt}: the purge runs for all tenants. */
    @WithoutTenantId
    int deleteByIssuedAtLessThan(Instant issuedAt);
}
