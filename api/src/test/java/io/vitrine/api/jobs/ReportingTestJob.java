package io.vitrine.api.jobs;

import io.vitrine.kernel.files.FileStorage;
import io.vitrine.kernel.files.StoredFile;
import io.vitrine.kernel.jobs.JobHandler;
import io.vitrine.kernel.jobs.JobRun;
import jakarta.inject.Singleton;

import java.io.ByteArrayInputStream;
import java.util.Base64;

/** A test job that reports what an import would: three rows, one refused, and a result file. */
@Singleton
class ReportingTestJob implements JobHandler {

    static final String KIND = "test.api-report";
    /** A 1x1 PNG: the result file's bytes (any storable file would do). */
    static final byte[] RESULT = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private final FileStorage files;

    ReportingTestJob(FileStorage files) {
        this.files = files;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(JobRun run) {
        run.total(3);
        run.advance(2, 0);
        run.recordError(4L, "gtin", "GTIN_CHECK_DIGIT: check digit does not match");
        run.advance(0, 1);
        StoredFile report = files.store(run.tenant(), "image", "report.png", "image/png", new ByteArrayInputStream(RESULT));
        run.result(report.id());
        run.message("2 of 3 rows imported");
    }
}
