package io.vitrine.tenants.stores.provisioning;

import io.micronaut.transaction.annotation.Transactional;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.kernel.files.FileContent;
import io.vitrine.kernel.files.FileStorage;
import io.vitrine.kernel.files.StoredFile;
import io.vitrine.kernel.jobs.Job;
import io.vitrine.kernel.jobs.JobResultDownload;
import io.vitrine.kernel.jobs.JobRun;
import io.vitrine.kernel.jobs.OneTimeJobResults;
import io.vitrine.kernel.privacy.PersonalDataCipher;
import io.vitrine.kernel.tabular.TabularFormat;
import io.vitrine.kernel.tabular.TabularWriter;
import io.vitrine.kernel.tenancy.TenantId;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The new credentials of a store import, handed out once as the job's result file: a CSV ({@code row,
 * storeCode, kind, deviceKey, secret, pairingCode}) sealed at rest as one {@code PersonalDataCipher} value
 * (AES-256-GCM under the personal-data keys) in file category {@code credentials}. The first download by
 * the staff member who uploaded the import deletes it; a later one, or one after the purge, gets nothing.
 */
@Singleton
class CredentialsResults implements OneTimeJobResults {

    static final String CATEGORY = "credentials";
    static final List<String> HEADER = List.of("row", "storeCode", "kind", "deviceKey", "secret", "pairingCode");
    private static final Logger LOG = LoggerFactory.getLogger(CredentialsResults.class);

    private final IssuedCredentials issued;
    private final CredentialFileRepository credentialFiles;
    private final FileStorage files;
    private final PersonalDataCipher cipher;
    private final TabularWriter writer;
    private final Clock clock;

    CredentialsResults(IssuedCredentials issued, CredentialFileRepository credentialFiles, FileStorage files,
                       PersonalDataCipher cipher, TabularWriter writer, Clock clock) {
        this.issued = issued;
        this.credentialFiles = credentialFiles;
        this.files = files;
        this.cipher = cipher;
        this.writer = writer;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return StoreImportJob.KIND;
    }

    /**
     * Seals every credential the job issued (in all its attempts) into its result file, replacing the file
     * an earlier attempt left; no file when the job issued none (a re-import that created nothing).
     */
    @Transactional
    public Optional<String> write(JobRun run) {
        List<IssuedCredentials.Clear> credentials = issued.of(run.jobId());
        if (credentials.isEmpty()) {
            return Optional.empty();
        }
        byte[] sealed = cipher.encrypt(csv(credentials)).getBytes(StandardCharsets.US_ASCII);
        StoredFile file = files.store(run.tenant(), CATEGORY, "credentials-" + run.jobId() + ".sealed",
                TabularFormat.CSV.contentType(), new ByteArrayInputStream(sealed));
        credentialFiles.findById(run.jobId()).ifPresentOrElse(earlier -> {
            files.delete(run.tenant(), earlier.fileId());
            credentialFiles.update(new CredentialFile(earlier.jobId(), earlier.tenantId(), file.id(), clock.instant()));
        }, () -> credentialFiles.save(new CredentialFile(run.jobId(), null, file.id(), clock.instant())));
        run.result(file.id());
        return Optional.of(file.id());
    }

    @Override
    @Transactional
    public Optional<JobResultDownload> take(Job job, String requestedBy) {
        if (!job.createdBy().equals(requestedBy)) {
            throw new NotFoundException("The new credentials go only to the staff member who uploaded the import.");
        }
        // the claim: of two downloads at once, the second waits for this row and then finds it gone
        if (credentialFiles.deleteByJobIdAndFileId(job.id(), job.resultFileId()) == 0) {
            return Optional.empty();
        }
        TenantId tenant = job.tenant();
        Optional<FileContent> content = files.open(tenant, job.resultFileId());
        if (content.isEmpty()) {
            return Optional.empty();
        }
        String csv = cipher.decrypt(read(content.get()));
        files.delete(tenant, job.resultFileId());
        issued.forget(job.id());
        LOG.info("store import {}: new credentials handed out to {} and deleted", job.id(), requestedBy);
        return Optional.of(new JobResultDownload("store-import-credentials-" + job.id() + ".csv",
                TabularFormat.CSV.contentType(), csv.getBytes(StandardCharsets.UTF_8)));
    }

    private String csv(List<IssuedCredentials.Clear> credentials) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(credentials.size() * 120);
        try (TabularWriter.TabularSheet sheet = writer.open(out, TabularFormat.CSV, HEADER)) {
            for (IssuedCredentials.Clear c : credentials) {
                sheet.row(List.of(Long.toString(c.rowNo()), c.storeCode(), c.kind(), c.deviceKey(), c.secret(),
                        c.pairingCode()));
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String read(FileContent content) {
        try (content) {
            return new String(content.stream().readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read a credentials file", e);
        }
    }
}
