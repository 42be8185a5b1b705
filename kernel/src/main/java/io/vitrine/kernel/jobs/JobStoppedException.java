package io.vitrine.kernel.jobs;

/**
 * The job is no longer this attempt's to run: it was cancelled, or its lease ran out and another
 * runner took it over. Thrown from {@link JobRun}'s progress calls; handlers let it propagate.
 */
public class JobStoppedException extends RuntimeException {

    public JobStoppedException(String jobId) {
        super("job " + jobId + " was cancelled or taken over by another runner; this attempt stops");
    }
}
