package io.vitrine.tenants.stores.provisioning;

import io.vitrine.kernel.error.FieldChecks;
import io.vitrine.kernel.error.FieldError;
import io.vitrine.kernel.error.InvalidInputException;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.kernel.files.FileContent;
import io.vitrine.kernel.files.FileStorage;
import io.vitrine.kernel.jobs.JobHandler;
import io.vitrine.kernel.jobs.JobRun;
import io.vitrine.kernel.tabular.TabularFormat;
import io.vitrine.kernel.tabular.TabularReader;
import io.vitrine.kernel.tabular.TabularRow;
import io.vitrine.kernel.tabular.TabularSettings;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.stores.StoreDetails;
import io.vitrine.tenants.stores.StoreRules;
import io.vitrine.tenants.stores.Stores;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Imports a store file (kind {@value #KIND}). The whole file is checked and counted first (header,
 * encoding, limits: a bad file fails the job before any row changes anything); then each row is checked
 * by the store rules, and the good ones are committed in batches ({@code vitrine.stores.import.batch-size}).
 * A refused row changes nothing and is reported with its row number, field and rule; a code already
 * seen earlier in the file is refused ({@code DUPLICATE_CODE}). Idempotent, as the runner needs: stores
 * are keyed by code and devices only topped up, so a second run changes nothing, and the result file
 * still holds every credential the job issued.
 */
@Singleton
public class StoreImportJob implements JobHandler {

    public static final String KIND = "tenants.store-import";

    private final FileStorage files;
    private final TabularReader reader;
    private final Stores stores;
    private final ProvisioningBatch batch;
    private final CredentialsResults results;
    private final TabularSettings limits;
    private final int batchSize;

    StoreImportJob(FileStorage files, TabularReader reader, Stores stores, ProvisioningBatch batch,
                   CredentialsResults results, TabularSettings tabular, StoreImportSettings settings) {
        this.files = files;
        this.reader = reader;
        this.stores = stores;
        this.batch = batch;
        this.results = results;
        this.limits = tabular.withMaxRows(settings.maxRows());
        this.batchSize = settings.batchSize();
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(JobRun run) {
        Actor by = UploadedBy.parse(run.input().parameters()).actor(run.tenant());
        run.total(read(run, row -> { }));
        StoreRules rules = stores.rules();
        Map<String, Long> firstRowOfCode = new HashMap<>();
        List<ProvisioningBatch.ValidRow> pending = new ArrayList<>(batchSize);
        ImportTally tally = new ImportTally();
        read(run, row -> {
            ProvisioningBatch.ValidRow valid = check(run, row, rules, firstRowOfCode);
            if (valid == null) {
                tally.refused();
                run.advance(0, 1);
                return;
            }
            pending.add(valid);
            if (pending.size() >= batchSize) {
                commit(run, by, pending, tally);
            }
        });
        commit(run, by, pending, tally);
        results.write(run);
        run.message(tally.summary());
    }

    /** The row as a valid store, or null after recording why not (row number, field, rule). */
    private ProvisioningBatch.ValidRow check(JobRun run, TabularRow row, StoreRules rules, Map<String, Long> firstRowOfCode) {
        FieldChecks checks = new FieldChecks();
        ImportedRow imported = ImportedRow.read(row, checks);
        String code = rules.code(checks, imported.form().code());
        StoreDetails details = rules.details(checks, imported.form());
        if (code != null) {
            Long first = firstRowOfCode.putIfAbsent(Stores.caseless(code), row.rowNumber());
            if (first != null) {
                checks.fail("code", "DUPLICATE_CODE", "the same code is on row " + first + " of this file: one row per store");
            }
        }
        try {
            checks.throwIfAny();
        } catch (InvalidInputException refused) {
            Set<String> reported = new HashSet<>();
            for (FieldError error : refused.errors()) {
                // the first rule a field broke: a lat that is no number is not also "half a pair"
                if (reported.add(error.field())) {
                    run.recordError(row.rowNumber(), error.field(),
                            error.rule() == null ? error.message() : error.rule() + ": " + error.message());
                }
            }
            return null;
        }
        return new ProvisioningBatch.ValidRow(row.rowNumber(), code, details, imported.kiosks(), imported.pos());
    }

    private void commit(JobRun run, Actor by, List<ProvisioningBatch.ValidRow> pending, ImportTally tally) {
        if (pending.isEmpty()) {
            return;
        }
        tally.add(batch.commit(by, run.jobId(), pending));
        run.advance(pending.size(), 0); // after the commit: progress never counts work that could still roll back
        pending.clear();
    }

    /** Reads the job's file from the start; returns its data row count. */
    private long read(JobRun run, Consumer<TabularRow> rows) {
        String fileId = run.input().fileId();
        FileContent content = (fileId == null ? null : files.open(run.tenant(), fileId).orElse(null));
        if (content == null) {
            throw new NotFoundException("The uploaded store file is gone; upload it again.");
        }
        try (content) {
            TabularFormat format = content.file().contentType().equals(TabularFormat.XLSX.contentType())
                    ? TabularFormat.XLSX : TabularFormat.CSV;
            return reader.read(content.stream(), format, ImportedRow.COLUMNS, limits, rows).rows();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the store file", e);
        }
    }
}
