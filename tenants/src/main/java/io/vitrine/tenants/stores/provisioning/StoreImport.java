package io.vitrine.tenants.stores.provisioning;

import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.files.FileRejectedException;
import io.vitrine.kernel.files.FileStorage;
import io.vitrine.kernel.files.StoredFile;
import io.vitrine.kernel.jobs.JobInput;
import io.vitrine.kernel.jobs.Jobs;
import io.vitrine.kernel.tabular.TabularFormat;
import io.vitrine.kernel.tenancy.CurrentTenant;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.audit.AuditTrail;
import jakarta.inject.Singleton;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Accepts a store file (CSV or XLSX) of the current tenant for import: keeps it (file category
 * {@code tabular}: its type rules apply) and queues a {@link StoreImportJob} in the same transaction.
 * Files over {@code vitrine.stores.import.max-file-size} (8MB, some 80 000 rows: far beyond
 * {@code max-rows}) are refused as too large. Progress, per-row errors and the new credentials come
 * from the job.
 */
@Singleton
public class StoreImport {

    static final String FILE_CATEGORY = "tabular";

    private final FileStorage files;
    private final Jobs jobs;
    private final CurrentTenant currentTenant;
    private final AuditTrail audit;
    private final long maxFileSize;

    StoreImport(FileStorage files, Jobs jobs, CurrentTenant currentTenant, AuditTrail audit, StoreImportSettings settings) {
        this.files = files;
        this.jobs = jobs;
        this.currentTenant = currentTenant;
        this.audit = audit;
        this.maxFileSize = settings.maxFileSize();
    }

    /**
     * @param declaredType what the client says the file is; a {@code .csv} or {@code .xlsx} name wins over
     *                     it (browsers on Windows call a CSV {@code application/vnd.ms-excel}). The bytes
     *                     must be what the type says.
     * @return the job's id
     */
    @Transactional
    public String submit(Actor by, String filename, String declaredType, InputStream content) {
        TenantId tenant = currentTenant.require();
        String type = TabularFormat.named(filename).map(TabularFormat::contentType).orElse(declaredType);
        StoredFile file = files.store(tenant, FILE_CATEGORY, filename, type, new ByteArrayInputStream(upTo(content)));
        UploadedBy uploader = UploadedBy.of(by);
        String jobId = jobs.submit(StoreImportJob.KIND, tenant, JobInput.file(file.id()).withParameters(uploader.parameters()),
                uploader.username());
        audit.record(by, tenant, "STORE_IMPORT_SUBMITTED", "job", jobId, file.contentType());
        return jobId;
    }

    /** The upload's bytes (small: the web server holds them already), refused past the limit. */
    private byte[] upTo(InputStream content) {
        try {
            byte[] bytes = content.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxFileSize + 1));
            if (bytes.length > maxFileSize) {
                throw new FileRejectedException(FileRejectedException.Reason.TOO_LARGE,
                        "store files are at most " + maxFileSize + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("could not receive the store file", e);
        }
    }
}
