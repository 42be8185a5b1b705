package io.vitrine.kernel.jobs;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.tenancy.TenantId;

/**
 * One attempt at a job, as its handler sees it: what to work on, and where to report progress.
 * Progress is kept in memory and written in batches ({@code vitrine.jobs.progress-batch-size}
 * items or {@code vitrine.jobs.progress-interval}, whichever comes first, and at the end), not one
 * write per row. Report an item after its effect committed.
 *
 * <p>A write can find the job no longer this attempt's (cancelled, or the lease was lost and
 * another instance took it over): the call then throws {@link JobStoppedException} — let it
 * propagate, the runner knows what it means.
 */
public interface JobRun {

    String jobId();

    TenantId tenant();

    String kind();

    JobInput input();

    String createdBy();

    /** 1 on the first attempt. */
    int attempt();

    /** Announces how many items there are (rows of a file, documents to index). */
    void total(long total);

    /** Counts items finished since the last call: {@code done} succeeded, {@code failed} refused. */
    void advance(long done, long failed);

    /**
     * Records an error (kept up to {@code vitrine.jobs.max-errors-kept}, counted beyond). Does not
     * count a failed item: call {@link #advance} for that — one row may have several errors.
     *
     * @param row   the input's row number (header = 1), or null when not about a row
     * @param field the column or field, or null
     */
    void recordError(@Nullable Long row, @Nullable String field, String message);

    /** The file the job produced (kernel {@code FileStorage}, same tenant), e.g. an error report or export. */
    void result(String fileId);

    /** A summary for people, shown with the outcome (at most 2000 characters). */
    void message(String message);

    /** Writes pending progress now (e.g. before a long pause). */
    void flush();
}
