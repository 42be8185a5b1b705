package io.vitrine.api.tenants.stores;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vitrine.api.idempotency.Idempotent;
import io.vitrine.api.security.StaffClaims;
import io.vitrine.tenants.stores.provisioning.StoreImport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Bulk store import (api.md {@code POST /api/v1/stores:import}): a CSV or XLSX of stores with how many
 * kiosks and POS each should have, multipart field {@code file}. Answers 202 with the job, which
 * {@code GET /api/v1/jobs/{jobId}} follows; its result file holds the new credentials, once. A file over
 * {@code vitrine.stores.import.max-file-size} (8MB) answers 413, as does a body over the request limit (10MB).
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Stores")
class StoreImportController {

    private final StoreImport imports;

    StoreImportController(StoreImport imports) {
        this.imports = imports;
    }

    @Post(value = "/api/v1/stores:import", consumes = MediaType.MULTIPART_FORM_DATA)
    @Idempotent
    @Status(HttpStatus.ACCEPTED)
    @Secured("RETAILER_ADMIN")
    @Operation(summary = "Import stores with their kiosks and POS devices from CSV or XLSX (tenants/README.md "
            + "\"Bulk store import\")",
            description = "Columns code, name, kind, address, district, warehouseCode, and optionally lat, lng, kiosks "
                    + "(0-20), pos (0-5). Re-importing the same file changes nothing. Follow the job; its result "
                    + "file (the new devices' credentials) can be downloaded once.")
    Accepted importStores(@Part("file") CompletedFileUpload file, Authentication caller) {
        String contentType = file.getContentType().map(MediaType::toString).orElse(MediaType.APPLICATION_OCTET_STREAM);
        try (InputStream content = file.getInputStream()) {
            return new Accepted(imports.submit(StaffClaims.actorOf(caller), file.getFilename(), contentType, content));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Serdeable
    record Accepted(String jobId) {
    }
}
