package io.vitrine.kernel.jobs;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.tenancy.TenantId;

import java.time.Instant;
import java.util.List;

/**
 * A job as last written by its runner. Progress is written in batches, so a running job's counts
 * trail the handler's by at most one batch.
 *
 * @param total      how many items the handler announced, {@code null} until it did
 * @param errors     the first errors of the current attempt (at most {@code vitrine.jobs.max-errors-kept})
 * @param errorCount every error of the current attempt, also those not kept
 * @param attempts   how many times a runner claimed it
 * @param message    the outcome for people: the handler's summary, or why it failed
 */
public record Job(String id, TenantId tenant, String kind, JobStatus status, @Nullable Long total, long done,
                  long failed, List<JobError> errors, long errorCount, String createdBy, Instant createdAt,
                  @Nullable Instant startedAt, @Nullable Instant finishedAt, int attempts, JobInput input,
                  @Nullable String resultFileId, @Nullable String message) {

    public Job {
        errors = List.copyOf(errors);
    }

    /** More errors were recorded than kept. */
    public boolean errorsTruncated() {
        return errorCount > errors.size();
    }
}
