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
import io.vitrine.catalog.transfer.ProductColumns;

/**
 * {@code /console/products/-/import}: a CSV or XLSX of products. The page's script sends the file to
 * {@code POST /api/v1/products:import} (multipart field {@code file}, 202 {@code {jobId}}) and follows
 * {@code GET /api/v1/jobs/{id}} with a progress bar and the refused rows (row, field, rule); the page links the
 * catalog's export ({@code GET /api/v1/products:export?format=csv|xlsx}), which is also the file to edit and
 * import back — all signed in by the console cookie.
 */
@Controller("/console/products/-/import")
@Secured("RETAILER_ADMIN")
@Produces(MediaType.TEXT_HTML)
@Hidden
final class ProductImportPage {

    @Get
    HttpResponse<?> form(Authentication caller) {
        return ConsolePage.render("product-import", ConsolePage.model(caller,
                "columns", String.join(",", ProductColumns.HEADER),
                "requiredColumns", String.join(", ", ProductColumns.COLUMNS.required())));
    }
}
