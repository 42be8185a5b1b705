package io.vitrine.catalog.reindex;

import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.jobs.JobInput;
import io.vitrine.kernel.jobs.Jobs;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.tenants.access.Actor;
import jakarta.inject.Singleton;

/** Accepts a reindex request as a job ({@link SearchReindexJob}); progress at {@code GET /api/v1/jobs/{id}}. */
@Singleton
public class SearchReindex {

    private final Jobs jobs;

    SearchReindex(Jobs jobs) {
        this.jobs = jobs;
    }

    /**
     * Every tenant's products into a new physical index that then replaces the live one (a platform admin's
     * request; the job is the platform's, {@link Jobs#PLATFORM}); returns the job id.
     */
    @Transactional
    public String ofAllTenants(Actor by) {
        return jobs.submit(SearchReindexJob.KIND, Jobs.PLATFORM, JobInput.none().withParameters(ReindexScope.ALL.name()),
                by.name() == null ? by.id() : by.name());
    }

    /** The caller's tenant's products, rewritten into the live index; returns the job id. */
    @Transactional
    public String ofOwnTenant(Actor by) {
        TenantId tenant = by.tenantId().orElseThrow(() -> new IllegalArgumentException(by + " belongs to no tenant"));
        return jobs.submit(SearchReindexJob.KIND, tenant, JobInput.none().withParameters(ReindexScope.TENANT.name()),
                by.name() == null ? by.id() : by.name());
    }
}
