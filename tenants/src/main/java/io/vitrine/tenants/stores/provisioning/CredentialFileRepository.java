package io.vitrine.tenants.stores.provisioning;

import io.micronaut.data.annotation.WithoutTenantId;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;

/**
 * The current tenant's credentials files (filtered by it), and the platform-wide purge. Deleting a row is
 * how a download or the purge claims its file: only the one that deleted it goes on. Implemented in
 * {@code infra}.
 */
public interface CredentialFileRepository extends CrudRepository<CredentialFile, String> {

    int deleteByJobIdAndFileId(String jobId, String fileId);

    /** Every tenant's files written before {@code createdAt}. */
    @WithoutTenantId
    List<CredentialFile> findByCreatedAtLessThan(Instant createdAt);

    /** The purge's claim, for any tenant. */
    @WithoutTenantId
    int removeByJobIdAndFileId(String jobId, String fileId);
}
