package io.vitrine.api.jobs;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.kernel.files.FileContent;
import io.vitrine.kernel.files.FileStorage;
import io.vitrine.kernel.jobs.Job;
import io.vitrine.kernel.jobs.JobResultDownload;
import io.vitrine.kernel.jobs.Jobs;
import io.vitrine.kernel.jobs.OneTimeJobResults;
import io.vitrine.api.security.StaffClaims;
import io.vitrine.kernel.tenancy.TenantContext;
import io.vitrine.tenants.access.StaffRole;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Background jobs of the caller's tenant (imports, exports, reindexing): progress and per-row errors,
 * and the file a job produced. Another tenant's job answers 404, as an unknown one does. A result that
 * existed but is gone (a one-time result already downloaded, or purged) answers 410. A platform admin reads
 * the platform's jobs ({@link Jobs#PLATFORM}).
 */
@Controller("/api/v1/jobs")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Jobs")
class JobsController {

    private final Jobs jobs;
    private final FileStorage files;
    private final Map<String, OneTimeJobResults> oneTimeResults;

    JobsController(Jobs jobs, FileStorage files, List<OneTimeJobResults> oneTimeResults) {
        this.jobs = jobs;
        this.files = files;
        this.oneTimeResults = oneTimeResults.stream()
                .collect(Collectors.toUnmodifiableMap(OneTimeJobResults::kind, Function.identity()));
    }

    @Get("/{jobId}")
    @Operation(summary = "A job's status, progress and first errors",
            description = "Progress is written in batches, so a running job's counts trail its work a little.")
    JobView show(String jobId, Authentication caller) {
        return JobView.of(find(jobId, caller));
    }

    @Get("/{jobId}/result")
    @Operation(summary = "The file the job produced (error report, export, new credentials)",
            description = "New device credentials are handed out once: a second download answers 410.")
    HttpResponse<?> result(String jobId, Authentication caller) {
        Job job = find(jobId, caller);
        if (job.resultFileId() == null) {
            throw new NotFoundException("job " + jobId + " has no result file");
        }
        OneTimeJobResults oneTime = oneTimeResults.get(job.kind());
        if (oneTime != null) {
            JobResultDownload taken = oneTime.take(job, caller.getName()).orElseThrow(() -> gone(jobId));
            return HttpResponse.ok(taken.content())
                    .contentType(MediaType.of(taken.contentType()))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + taken.filename() + "\"")
                    .header(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        FileContent content = files.open(job.tenant(), job.resultFileId()).orElseThrow(() -> gone(jobId));
        StreamedFile file = new StreamedFile(content.stream(), MediaType.of(content.file().contentType()))
                .attach(content.file().filename());
        return HttpResponse.ok(file);
    }

    private static HttpStatusException gone(String jobId) {
        return new HttpStatusException(HttpStatus.GONE, "The result of job " + jobId
                + " is gone: it was downloaded already, or kept past its time.");
    }

    private Job find(String jobId) {
        return jobs.find(jobId).orElseThrow(() -> NotFoundException.of("job", jobId));
    }

    /** A platform admin (no tenant) sees the platform's own jobs, such as a rebuild of the whole search index. */
    private Job find(String jobId, Authentication caller) {
        if (StaffClaims.tenantOf(caller).isEmpty() && caller.getRoles().contains(StaffRole.PLATFORM_ADMIN.name())) {
            return TenantContext.callAs(Jobs.PLATFORM, () -> find(jobId));
        }
        return find(jobId);
    }
}
