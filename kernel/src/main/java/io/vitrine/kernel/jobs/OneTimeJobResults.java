package io.vitrine.kernel.jobs;

import java.util.Optional;

/**
 * The results of one job kind that are handed out only once and kept sealed until then (the
 * credentials of devices a store import created): the result download ({@code GET
 * /api/v1/jobs/{id}/result}) asks this bean instead of serving the stored file as it is. Make it a
 * bean; at most one per kind.
 */
public interface OneTimeJobResults {

    /** The {@link JobHandler#kind()} whose results this hands out. */
    String kind();

    /**
     * The job's result for the one download that gets it, removed in the same step, so a second
     * download (also one running at the same moment) gets nothing. Empty when it is gone: taken
     * before, or purged. Throws {@code NotFoundException} when the caller may not have it.
     *
     * @param job         the current tenant's job, with a result
     * @param requestedBy who downloads (a username), as {@link Job#createdBy()} names the submitter
     */
    Optional<JobResultDownload> take(Job job, String requestedBy);
}
