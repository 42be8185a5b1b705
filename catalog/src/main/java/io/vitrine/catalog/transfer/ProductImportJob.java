package io.vitrine.catalog.transfer;

import io.vitrine.kernel.codes.Gtin;
import io.vitrine.kernel.error.FieldError;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.kernel.files.FileContent;
import io.vitrine.kernel.files.FileStorage;
import io.vitrine.kernel.jobs.JobHandler;
import io.vitrine.kernel.jobs.JobRun;
import io.vitrine.kernel.tabular.TabularFormat;
import io.vitrine.kernel.tabular.TabularReader;
import io.vitrine.kernel.tabular.TabularRow;
import io.vitrine.kernel.tabular.TabularSettings;
import io.vitrine.kernel.tabular.TabularSummary;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.stores.provisioning.UploadedBy;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Imports a product file (kind {@value #KIND}), as the store import does. The whole file is checked and
 * counted first (header, encoding, limits, zip bombs: a bad file fails the job before any row changes
 * anything); then rows are committed in batches ({@code vitrine.catalog.import.batch-size}), each row checked by
 * the product rules of the API. A refused row changes nothing and is reported with its row number, field and
 * rule; a SKU or barcode already on an earlier row of the file is refused ({@code DUPLICATE_SKU},
 * {@code DUPLICATE_GTIN}). Idempotent, as the runner needs: products are upserted by SKU and a row identical to
 * the stored product changes nothing (no event, no reindex), so a job run again after dying midway finishes
 * what was missing. The file is streamed twice, one row at a time: never held in memory.
 */
@Singleton
public class ProductImportJob implements JobHandler {

    public static final String KIND = "catalog.product-import";

    private final FileStorage files;
    private final TabularReader reader;
    private final ImportBatch batch;
    private final TabularSettings limits;
    private final int batchSize;

    ProductImportJob(FileStorage files, TabularReader reader, ImportBatch batch, TabularSettings tabular,
                     ProductImportSettings settings) {
        this.files = files;
        this.reader = reader;
        this.batch = batch;
        this.limits = tabular.withMaxRows(settings.maxRows()).withMaxFileSize(settings.maxFileSize());
        this.batchSize = settings.batchSize();
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(JobRun run) {
        Actor by = UploadedBy.parse(run.input().parameters()).actor(run.tenant());
        TabularSummary whole = read(run, row -> { });
        run.total(whole.rows());
        boolean hasImages = whole.header().contains("images");
        Map<String, Long> firstRowOfSku = new HashMap<>();
        Map<String, Long> firstRowOfGtin = new HashMap<>();
        List<ImportBatch.PendingRow> pending = new ArrayList<>(batchSize);
        ImportTally tally = new ImportTally();
        read(run, row -> {
            pending.add(new ImportBatch.PendingRow(row, repeats(row, firstRowOfSku, firstRowOfGtin)));
            if (pending.size() >= batchSize) {
                commit(run, by, pending, hasImages, tally);
            }
        });
        commit(run, by, pending, hasImages, tally);
        run.message(tally.summary());
    }

    /** A SKU or barcode on an earlier row: one row per product. */
    private static List<FieldError> repeats(TabularRow row, Map<String, Long> firstRowOfSku, Map<String, Long> firstRowOfGtin) {
        List<FieldError> errors = new ArrayList<>(0);
        String sku = row.get("sku");
        if (!sku.isEmpty()) {
            Long first = firstRowOfSku.putIfAbsent(ImportBatch.caseless(sku), row.rowNumber());
            if (first != null) {
                errors.add(new FieldError("sku", "the same SKU is on row " + first + " of this file: one row per product",
                        "DUPLICATE_SKU"));
            }
        }
        String gtin = row.get("gtin");
        if (errors.isEmpty() && Gtin.isValid(gtin)) {
            Long first = firstRowOfGtin.putIfAbsent(Gtin.parse(gtin).value(), row.rowNumber());
            if (first != null) {
                errors.add(new FieldError("gtin", "the same barcode is on row " + first + " of this file",
                        "DUPLICATE_GTIN"));
            }
        }
        return errors;
    }

    private void commit(JobRun run, Actor by, List<ImportBatch.PendingRow> pending, boolean hasImages, ImportTally tally) {
        if (pending.isEmpty()) {
            return;
        }
        ImportBatch.Outcome outcome = batch.commit(by, pending, hasImages);
        tally.add(outcome.tally());
        // after the commit: progress never counts work that could still roll back
        outcome.errors().forEach(error -> run.recordError(error.row(), error.field(), error.message()));
        run.advance(outcome.done(), outcome.refused());
        pending.clear();
    }

    /** Reads the job's file from the start. */
    private TabularSummary read(JobRun run, Consumer<TabularRow> rows) {
        String fileId = run.input().fileId();
        FileContent content = (fileId == null ? null : files.open(run.tenant(), fileId).orElse(null));
        if (content == null) {
            throw new NotFoundException("The uploaded product file is gone; upload it again.");
        }
        try (content) {
            TabularFormat format = content.file().contentType().equals(TabularFormat.XLSX.contentType())
                    ? TabularFormat.XLSX : TabularFormat.CSV;
            return reader.read(content.stream(), format, ProductColumns.COLUMNS, limits, rows);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the product file", e);
        }
    }
}
