package io.vitrine.api.jobs;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.token.jwt.generator.JwtTokenGenerator;
import io.micronaut.transaction.TransactionOperations;
import io.vitrine.api.testing.EmbeddedVitrine;
import io.vitrine.api.testing.RunningVitrine;
import io.vitrine.kernel.jobs.JobInput;
import io.vitrine.kernel.jobs.Jobs;
import io.vitrine.kernel.tenancy.TenantId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(EmbeddedVitrine.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JobsControllerTest {

    private static final TenantId OWNER = TenantId.of("jobs-api-owner");
    private static final TenantId OTHER = TenantId.of("jobs-api-other");

    private final RunningVitrine vitrine;
    private String jobId;

    JobsControllerTest(RunningVitrine vitrine) {
        this.vitrine = vitrine;
    }

    /** One job, submitted as an import endpoint would and run by the application's own poller. */
    @BeforeAll
    @SuppressWarnings("unchecked")
    void runAJob() throws InterruptedException {
        TransactionOperations<Connection> transactions = vitrine.bean(TransactionOperations.class);
        Jobs jobs = vitrine.bean(Jobs.class);
        jobId = transactions.executeWrite(status -> jobs.submit(ReportingTestJob.KIND, OWNER, JobInput.none(), "alice"));
        long giveUp = System.nanoTime() + 120_000_000_000L; // a hang guard, not a timing assertion
        while (!List.of("SUCCEEDED", "FAILED").contains(json(get("/api/v1/jobs/" + jobId, OWNER)).get("status"))) {
            assertThat(System.nanoTime()).as("job %s never finished", jobId).isLessThan(giveUp);
            Thread.sleep(100);
        }
    }

    @Test
    void the_owner_sees_status_progress_errors_and_where_the_result_is() {
        HttpResponse<String> response = get("/api/v1/jobs/" + jobId, OWNER);

        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Object> job = json(response);
        assertThat(job).containsEntry("jobId", jobId)
                .containsEntry("kind", ReportingTestJob.KIND)
                .containsEntry("status", "SUCCEEDED")
                .containsEntry("total", 3)
                .containsEntry("done", 2)
                .containsEntry("failed", 1)
                .containsEntry("errorsTruncated", false)
                .containsEntry("message", "2 of 3 rows imported")
                .containsEntry("resultUrl", "/api/v1/jobs/" + jobId + "/result");
        assertThat(job.get("errors")).isEqualTo(List.of(
                Map.of("row", 4, "field", "gtin", "message", "GTIN_CHECK_DIGIT: check digit does not match")));
        assertThat((String) job.get("createdAt")).endsWith("+08:00");
    }

    @Test
    void the_owner_downloads_the_result_file() {
        HttpResponse<byte[]> response = vitrine.sendBytes(request("/api/v1/jobs/" + jobId + "/result", OWNER));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(response.headers().firstValue("Content-Disposition").orElse("")).contains("report.png");
        assertThat(response.body()).isEqualTo(ReportingTestJob.RESULT);
    }

    @Test
    void another_tenants_job_and_its_result_answer_404_problem() {
        for (String path : List.of("/api/v1/jobs/" + jobId, "/api/v1/jobs/" + jobId + "/result")) {
            HttpResponse<String> response = get(path, OTHER);

            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(json(response)).containsEntry("status", 404);
        }
    }

    @Test
    void an_unknown_job_answers_404() {
        assertThat(get("/api/v1/jobs/01a22a59-0000-7000-8000-000000000000", OWNER).statusCode()).isEqualTo(404);
    }

    @Test
    void jobs_are_for_signed_in_staff_only() {
        assertThat(vitrine.get("/api/v1/jobs/" + jobId).statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> get(String path, TenantId tenant) {
        return vitrine.send(request(path, tenant));
    }

    private HttpRequest request(String path, TenantId tenant) {
        return HttpRequest.newBuilder(vitrine.uri(path)).GET()
                .header("Authorization", "Bearer " + token(tenant))
                .build();
    }

    private String token(TenantId tenant) {
        return vitrine.bean(JwtTokenGenerator.class).generateToken(Map.of(
                "sub", "alice",
                "roles", List.of("RETAILER_ADMIN"),
                "tenant", tenant.value(),
                "exp", new Date(System.currentTimeMillis() + 300_000))).orElseThrow();
    }

    private Map<String, Object> json(HttpResponse<String> response) {
        try {
            return vitrine.bean(JsonMapper.class).readValue(response.body(), Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
