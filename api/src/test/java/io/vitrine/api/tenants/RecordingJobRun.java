package io.vitrine.api.tenants;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.jobs.JobInput;
import io.vitrine.kernel.jobs.JobRun;
import io.vitrine.kernel.jobs.JobStoppedException;
import io.vitrine.kernel.tenancy.TenantId;

/**
 * One attempt of a store import job driven by a test instead of the runner: it records what the handler
 * reports and, like a runner that lost the job, stops the handler at its {@code stopAtAdvance}-th progress call.
 */
public final class RecordingJobRun implements JobRun {

    private final String jobId;
    private final TenantId tenant;
    private final JobInput input;
    private final String createdBy;
    private final int stopAtAdvance;
    private int advances;
    public long done;
    public long failed;
    public String message;
    public String resultFileId;

    public RecordingJobRun(String jobId, TenantId tenant, String fileId, String createdBy, int stopAtAdvance) {
        this.jobId = jobId;
        this.tenant = tenant;
        this.input = JobInput.file(fileId).withParameters("staff=test-staff;user=" + createdBy + ";role=RETAILER_ADMIN");
        this.createdBy = createdBy;
        this.stopAtAdvance = stopAtAdvance;
    }

    @Override
    public String jobId() {
        return jobId;
    }

    @Override
    public TenantId tenant() {
        return tenant;
    }

    @Override
    public String kind() {
        return "tenants.store-import";
    }

    @Override
    public JobInput input() {
        return input;
    }

    @Override
    public String createdBy() {
        return createdBy;
    }

    @Override
    public int attempt() {
        return 1;
    }

    @Override
    public void total(long total) {
    }

    @Override
    public void advance(long done, long failed) {
        if (++advances >= stopAtAdvance) {
            throw new JobStoppedException(jobId);
        }
        this.done += done;
        this.failed += failed;
    }

    @Override
    public void recordError(@Nullable Long row, @Nullable String field, String message) {
    }

    @Override
    public void result(String fileId) {
        this.resultFileId = fileId;
    }

    @Override
    public void message(String message) {
        this.message = message;
    }

    @Override
    public void flush() {
    }
}
