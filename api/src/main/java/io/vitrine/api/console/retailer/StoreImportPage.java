package io.vitrine.api.console.retailer;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Hidden;
import io.vitrine.api.console.ConsolePage;

/**
 * {@code /console/stores/-/import}: a CSV of stores and their kiosks. The page's script sends the file to
 * {@code POST /api/v1/stores:import} (multipart field {@code file}, 202 {@code {jobId}}), follows
 * {@code GET /api/v1/jobs/{id}} with a progress bar and per-row errors, and links the job's result file
 * (the new credentials, downloadable once) — all signed in by the console cookie.
 */
@Controller("/console/stores/-/import")
@Secured("RETAILER_ADMIN")
@Produces(MediaType.TEXT_HTML)
@Hidden
final class StoreImportPage {

    @Get
    HttpResponse<?> form(Authentication caller) {
        return ConsolePage.render("store-import", ConsolePage.model(caller));
    }
}
