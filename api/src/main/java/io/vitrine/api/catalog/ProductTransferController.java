package io.vitrine.api.catalog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vitrine.api.idempotency.Idempotent;
import io.vitrine.api.security.StaffClaims;
import io.vitrine.catalog.transfer.ProductExport;
import io.vitrine.catalog.transfer.ProductImport;
import io.vitrine.kernel.error.InvalidInputException;
import io.vitrine.kernel.tabular.TabularFormat;
import io.vitrine.kernel.tenancy.CurrentTenant;
import io.vitrine.kernel.tenancy.TenantContext;
import io.vitrine.kernel.tenancy.TenantId;
import io.vitrine.kernel.time.ChinaTime;
import jakarta.inject.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.ExecutorService;

/**
 * Products in and out as files (api.md "Catalog and stock"). {@code POST /api/v1/products:import}: a CSV or XLSX
 * of products (multipart field {@code file}, columns in catalog/README.md "Import and export"), answered 202
 * with the job that {@code GET /api/v1/jobs/{jobId}} follows (progress, per-row errors); over
 * {@code vitrine.catalog.import.max-file-size} (64MB) 413, and a request declaring more than
 * {@code micronaut.server.max-request-size} (66MB) 413 before its body is read. The part arrives in a temporary
 * file (multipart {@code mixed}, above 1MB), not in memory. {@code GET /api/v1/products:export?format=csv|xlsx}:
 * the catalog, streamed while it is read — written on a worker thread into a pipe the response reads from, so
 * neither side holds the file; a failure midway breaks the download instead of ending it short.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Catalog")
class ProductTransferController {

    private static final Logger LOG = LoggerFactory.getLogger(ProductTransferController.class);
    private static final int PIPE_BUFFER = 64 * 1024;

    private final ProductImport imports;
    private final ProductExport export;
    private final CurrentTenant currentTenant;
    private final ExecutorService writers;
    private final Clock clock;

    ProductTransferController(ProductImport imports, ProductExport export, CurrentTenant currentTenant,
                              @Named(TaskExecutors.BLOCKING) ExecutorService writers, Clock clock) {
        this.imports = imports;
        this.export = export;
        this.currentTenant = currentTenant;
        this.writers = writers;
        this.clock = clock;
    }

    @Post(value = "/api/v1/products:import", consumes = MediaType.MULTIPART_FORM_DATA)
    @Idempotent
    @Status(HttpStatus.ACCEPTED)
    @Secured("RETAILER_ADMIN")
    @Operation(summary = "Import products from CSV or XLSX (catalog/README.md \"Import and export\")",
            description = "Upserts by SKU with the rules of POST /api/v1/products; a row like the stored product changes "
                    + "nothing. Follow the job for progress and per-row errors (row, field, rule).")
    Accepted importProducts(@Part("file") CompletedFileUpload file, Authentication caller) {
        String contentType = file.getContentType().map(MediaType::toString).orElse(MediaType.APPLICATION_OCTET_STREAM);
        try (InputStream content = file.getInputStream()) {
            return new Accepted(imports.submit(StaffClaims.actorOf(caller), file.getFilename(), contentType, content));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get("/api/v1/products:export")
    @Secured({"RETAILER_ADMIN", "STORE_MANAGER"})
    @Operation(summary = "The catalog as CSV (UTF-8 with BOM) or XLSX, in the import's columns",
            description = "Imported back, an export changes nothing.")
    HttpResponse<StreamedFile> exportProducts(@Nullable @QueryValue String format) throws IOException {
        TabularFormat chosen = TabularFormat.named(format).orElseThrow(() -> InvalidInputException.of("format",
                "EXPORT_FORMAT", "csv or xlsx"));
        TenantId tenant = currentTenant.require();
        PipedInputStream read = new PipedInputStream(PIPE_BUFFER);
        PipedOutputStream written = new PipedOutputStream(read);
        writers.execute(() -> TenantContext.runAs(tenant, () -> {
            try {
                export.write(written, chosen);
                written.close();
            } catch (IOException | RuntimeException e) {
                // closing the reading end makes the response fail rather than end as if complete
                LOG.warn("product export of tenant {} stopped: {}", tenant.value(), e.toString());
                closeQuietly(read);
            }
        }));
        String filename = ProductExport.filename(chosen, LocalDate.now(clock.withZone(ChinaTime.ZONE)));
        return HttpResponse.ok(new StreamedFile(read, MediaType.of(chosen.contentType())).attach(filename));
    }

    private static void closeQuietly(InputStream stream) {
        try {
            stream.close();
        } catch (IOException ignored) {
            // already closed by the response
        }
    }

    @Serdeable
    record Accepted(String jobId) {
    }
}
