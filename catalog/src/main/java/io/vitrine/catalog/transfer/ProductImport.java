package io.vitrine.catalog.transfer;

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
import io.vitrine.tenants.stores.provisioning.UploadedBy;
import jakarta.inject.Singleton;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Accepts a product file (CSV or XLSX) of the current tenant for import: keeps it (file category
 * {@code tabular}: its type rules apply) and queues a {@link ProductImportJob} in the same transaction, as the
 * store import does. Files over {@code vitrine.catalog.import.max-file-size} (64MB: a 100,000-row file is 20-30MB)
 * are refused as too large, after reading just past the limit. The upload is streamed into the file storage
 * (spooled to disk, then kept in chunks in cluster mode), never held in memory. Progress and per-row errors come
 * from the job.
 */
@Singleton
public class ProductImport {

    static final String FILE_CATEGORY = "tabular";

    private final FileStorage files;
    private final Jobs jobs;
    private final CurrentTenant currentTenant;
    private final AuditTrail audit;
    private final long maxFileSize;

    ProductImport(FileStorage files, Jobs jobs, CurrentTenant currentTenant, AuditTrail audit,
                  ProductImportSettings settings) {
        this.files = files;
        this.jobs = jobs;
        this.currentTenant = currentTenant;
        this.audit = audit;
        this.maxFileSize = settings.maxFileSize();
    }

    /**
     * @param declaredType what the client says the file is; a {@code .csv} or {@code .xlsx} name wins over it
     * @return the job's id
     */
    @Transactional
    public String submit(Actor by, String filename, String declaredType, InputStream content) {
        TenantId tenant = currentTenant.require();
        String type = TabularFormat.named(filename).map(TabularFormat::contentType).orElse(declaredType);
        StoredFile file = files.store(tenant, FILE_CATEGORY, filename, type, new AtMost(content, maxFileSize));
        UploadedBy uploader = UploadedBy.of(by);
        String jobId = jobs.submit(ProductImportJob.KIND, tenant, JobInput.file(file.id()).withParameters(uploader.parameters()),
                uploader.username());
        audit.record(by, tenant, "PRODUCT_IMPORT_SUBMITTED", "job", jobId, file.contentType());
        return jobId;
    }

    /** The upload, refused as too large once more than {@code limit} bytes came through. */
    private static final class AtMost extends FilterInputStream {
        private final long limit;
        private long read;

        AtMost(InputStream content, long limit) {
            super(content);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b != -1) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            counted(skipped);
            return skipped;
        }

        private void counted(long n) {
            read += n;
            if (read > limit) {
                throw new FileRejectedException(FileRejectedException.Reason.TOO_LARGE,
                        "product files are at most " + limit + " bytes");
            }
        }
    }
}
