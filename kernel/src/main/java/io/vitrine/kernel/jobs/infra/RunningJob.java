package io.vitrine.kernel.jobs.infra;

import io.micronaut.core.annotation.Nullable;
import io.vitrine.kernel.jobs.JobError;
import io.vitrine.kernel.jobs.JobInput;
import io.vitrine.kernel.jobs.JobRun;
import io.vitrine.kernel.jobs.JobSettings;
import io.vitrine.kernel.jobs.JobStatus;
import io.vitrine.kernel.jobs.JobStoppedException;
import io.vitrine.kernel.tenancy.TenantId;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One claimed attempt: the {@link JobRun} its handler reports to. Counts are kept here and written
 * in batches; every write also extends the lease and finds out whether the job is still this
 * attempt's (not cancelled, not taken over), stopping the handler when it is not.
 */
final class RunningJob implements JobRun {

    private final JobRows.Claim claim;
    private final JobRows rows;
    private final JobSql sql;
    private final JobSettings settings;
    private final Clock clock;

    private Long total;
    private long done;
    private long failed;
    private long errorCount;
    private final List<JobRows.NumberedError> pendingErrors = new ArrayList<>();
    private long pendingCalls;
    // monotonic: the flush rhythm must not jump with the wall clock (or a test's clock)
    private long lastWriteNanos = System.nanoTime();
    private String resultFileId;
    private String message;
    private volatile boolean stopped;

    RunningJob(JobRows.Claim claim, JobRows rows, JobSql sql, JobSettings settings, Clock clock) {
        this.claim = claim;
        this.rows = rows;
        this.sql = sql;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public String jobId() {
        return claim.id();
    }

    @Override
    public TenantId tenant() {
        return claim.tenant();
    }

    @Override
    public String kind() {
        return claim.kind();
    }

    @Override
    public JobInput input() {
        return claim.input();
    }

    @Override
    public String createdBy() {
        return claim.createdBy();
    }

    @Override
    public int attempt() {
        return claim.attempt();
    }

    @Override
    public synchronized void total(long total) {
        if (total < 0) {
            throw new IllegalArgumentException("a job's total is not negative");
        }
        this.total = total;
        progressed(0); // written with the next batch
    }

    @Override
    public synchronized void advance(long done, long failed) {
        if (done < 0 || failed < 0) {
            throw new IllegalArgumentException("progress only moves forward");
        }
        this.done += done;
        this.failed += failed;
        progressed(done + failed);
    }

    @Override
    public synchronized void recordError(@Nullable Long row, @Nullable String field, String message) {
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("a job error needs a message");
        }
        errorCount++;
        if (errorCount <= settings.maxErrorsKept()) {
            pendingErrors.add(new JobRows.NumberedError((int) errorCount, new JobError(row, field, message)));
        }
        progressed(1);
    }

    @Override
    public synchronized void result(String fileId) {
        if (fileId == null || fileId.isBlank() || fileId.length() > 36) {
            throw new IllegalArgumentException("a job's result is a stored file's id (1-36 characters)");
        }
        this.resultFileId = fileId;
    }

    @Override
    public synchronized void message(String message) {
        this.message = message;
    }

    @Override
    public synchronized void flush() {
        checkNotStopped();
        Instant leaseEnd = clock.instant().plus(settings.lease());
        JobRows.Progress progress = progress();
        List<JobRows.NumberedError> errors = List.copyOf(pendingErrors);
        boolean ours = sql.inOwnTransaction(connection ->
                rows.writeProgress(connection, claim.id(), claim.attempt(), progress, errors, leaseEnd));
        wrote();
        if (!ours) {
            stopped = true;
            checkNotStopped();
        }
    }

    private void progressed(long calls) {
        checkNotStopped();
        pendingCalls += calls;
        if (pendingCalls >= settings.progressBatchSize()
                || System.nanoTime() - lastWriteNanos >= settings.progressInterval().toNanos()) {
            flush();
        }
    }

    private void checkNotStopped() {
        if (stopped) {
            throw new JobStoppedException(claim.id());
        }
    }

    private void wrote() {
        pendingErrors.clear();
        pendingCalls = 0;
        lastWriteNanos = System.nanoTime();
    }

    private JobRows.Progress progress() {
        return new JobRows.Progress(total, done, failed, errorCount);
    }

    /** Extends the lease from the renewal thread; a lost claim stops the handler at its next call. */
    void renewLease() {
        if (stopped) {
            return;
        }
        Instant leaseEnd = clock.instant().plus(settings.lease());
        if (!sql.inOwnTransaction(connection -> rows.renewLease(connection, claim.id(), claim.attempt(), leaseEnd))) {
            stopped = true;
        }
    }

    /** @return false when the job was no longer this attempt's */
    synchronized boolean succeed() {
        return end(JobStatus.SUCCEEDED, message);
    }

    synchronized boolean fail(String why) {
        return end(JobStatus.FAILED, why);
    }

    synchronized boolean retryLater(String why) {
        Instant retryAt = clock.instant().plus(settings.retryDelay());
        JobRows.Progress progress = progress();
        List<JobRows.NumberedError> errors = List.copyOf(pendingErrors);
        boolean ours = sql.inOwnTransaction(connection ->
                rows.requeue(connection, claim.id(), claim.attempt(), progress, errors, why, retryAt));
        wrote();
        return ours;
    }

    private boolean end(JobStatus status, @Nullable String text) {
        JobRows.Progress progress = progress();
        List<JobRows.NumberedError> errors = List.copyOf(pendingErrors);
        Instant now = clock.instant();
        boolean ours = sql.inOwnTransaction(connection -> rows.finish(connection, claim.id(), claim.attempt(), status,
                progress, errors, resultFileId, text, now));
        wrote();
        return ours;
    }

    @Override
    public String toString() {
        return "job " + claim.id() + " (" + claim.kind() + ", tenant " + claim.tenant() + ", attempt " + claim.attempt() + ")";
    }
}
