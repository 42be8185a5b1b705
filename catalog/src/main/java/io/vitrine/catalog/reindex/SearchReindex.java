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

    /** The caller's tenant's products, rewritten into the live index; returns the job id. */
    @Transactional
    public String ofOwnTenant(Actor by) {
        TenantId tenant = by.tenantId().orElseThrow(() -> new IllegalArgumentException(by + " belongs to no tenant"));
        return jobs.submit(SearchReindexJob.KIND, tenant, JobInput.none().withParameters(ReindexScope.TENANT.name()),
                by.name() == null ? by.id() : by.name());
    }
}
