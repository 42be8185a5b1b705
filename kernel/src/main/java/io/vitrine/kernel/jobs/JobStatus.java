package io.vitrine.kernel.jobs;

/** Where a job is: waiting, being run, or finished one way or another. */
public enum JobStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    public boolean finished() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
