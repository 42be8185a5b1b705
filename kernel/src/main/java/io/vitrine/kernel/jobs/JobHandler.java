package io.vitrine.kernel.jobs;

/**
 * Does the work of one kind of job. Make it a bean. The runner calls {@link #run} on one of its
 * worker threads, inside {@code TenantContext.runAs(job tenant)}, outside any transaction (open
 * your own, e.g. one per batch of rows).
 *
 * <p><b>Must be idempotent</b> (see {@link Jobs}): a job is run again from the start when the
 * instance running it dies. Progress and errors start afresh on every attempt.
 *
 * <p>Returning normally marks the job SUCCEEDED. Throwing a {@code DomainException} (e.g. an
 * {@code InvalidInputException} for a malformed file) marks it FAILED with that message at once;
 * any other exception is retried after {@code vitrine.jobs.retry-delay}, up to
 * {@code vitrine.jobs.max-attempts}, then FAILED.
 */
public interface JobHandler {

    /** Stable kind, stored with each job, e.g. {@code "catalog.product-import"}; 1-64 characters. */
    String kind();

    void run(JobRun run) throws Exception;
}
