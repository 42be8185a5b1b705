package io.vitrine.kernel.jobs;

import io.vitrine.kernel.tenancy.TenantId;

import java.util.Optional;

/**
 * Submits background jobs and reads them back.
 *
 * <p>Jobs run <b>at least once</b>: a runner that dies (or loses its lease) leaves the job to be
 * claimed again after {@code vitrine.jobs.lease}, and the handler then runs it again from the start.
 * So every {@link JobHandler} must be idempotent: running a job twice must leave the same state as
 * running it once (upsert by business key, skip what is already there, overwrite the result file).
 */
public interface Jobs {

    /**
     * The owner of platform-wide jobs (e.g. rebuilding the shared search index), which belong to no tenant: a
     * platform admin reads them under it. Never a real tenant's id (those are UUIDs).
     */
    TenantId PLATFORM = TenantId.of("platform");

    /**
     * Queues a job in the caller's current transaction: it is committed with the change that
     * accepted it ("import accepted" and the job row together), and never runs if that transaction
     * rolls back.
     *
     * @param kind      a {@link JobHandler#kind()} (1-64 characters)
     * @param createdBy who asked for it (a username or a device key; 1-100 characters)
     * @return the job id
     * @throws IllegalStateException when called outside a transaction
     */
    String submit(String kind, TenantId tenant, JobInput input, String createdBy);

    /**
     * The job, if it belongs to the current tenant ({@code CurrentTenant}); another tenant's job is
     * simply not found.
     */
    Optional<Job> find(String jobId);

    /**
     * Cancels the current tenant's job if it has not finished: a queued job never runs; a running
     * one stops at its handler's next progress write. Work already done stays done.
     *
     * @return false when there is no such job or it already finished
     */
    boolean cancel(String jobId);
}
