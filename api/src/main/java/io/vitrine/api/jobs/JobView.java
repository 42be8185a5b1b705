package io.vitrine.api.jobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.vitrine.kernel.jobs.Job;
import io.vitrine.kernel.jobs.JobError;
import io.vitrine.kernel.time.ChinaTime;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A job as clients poll it (api.md {@code GET /api/v1/jobs/{jobId}}). {@code errors} holds the first
 * errors of the current attempt; {@code errorsTruncated} says more were counted ({@code errorCount}).
 * {@code resultUrl} is there once the job produced a file.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record JobView(String jobId, String kind, String status, @Nullable Long total, long done, long failed,
                      List<ErrorView> errors, boolean errorsTruncated, long errorCount, @Nullable String message,
                      OffsetDateTime createdAt, @Nullable OffsetDateTime startedAt,
                      @Nullable OffsetDateTime finishedAt,
                      @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String resultUrl) {

    /** One refused row or field: {@code row} is the input's row number (header = 1). */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ErrorView(@Nullable Long row, @Nullable String field, String message) {

        static ErrorView of(JobError error) {
            return new ErrorView(error.row(), error.field(), error.message());
        }
    }

    static JobView of(Job job) {
        return new JobView(job.id(), job.kind(), job.status().name(), job.total(), job.done(), job.failed(),
                job.errors().stream().map(ErrorView::of).toList(), job.errorsTruncated(), job.errorCount(),
                job.message(), china(job.createdAt()), china(job.startedAt()), china(job.finishedAt()),
                job.resultFileId() == null ? null : "/api/v1/jobs/" + job.id() + "/result");
    }

    @Nullable
    private static OffsetDateTime china(@Nullable Instant instant) {
        return instant == null ? null : instant.atZone(ChinaTime.ZONE).toOffsetDateTime();
    }
}
