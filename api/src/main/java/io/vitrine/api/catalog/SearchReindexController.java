package io.vitrine.api.catalog;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vitrine.api.security.StaffClaims;
import io.vitrine.catalog.reindex.SearchReindex;

/**
 * {@code POST /api/v1/search:reindex} (api.md "Catalog and stock"): a retailer admin has the search entries of
 * their own shop rebuilt from the products table, while searches keep answering; progress at
 * {@code GET /api/v1/jobs/{jobId}}. The ':' is a literal part of the path for Micronaut's router (tested).
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Catalog")
class SearchReindexController {

    private final SearchReindex reindex;

    SearchReindexController(SearchReindex reindex) {
        this.reindex = reindex;
    }

    @Post("/search:reindex")
    @Status(HttpStatus.ACCEPTED)
    @Secured("RETAILER_ADMIN")
    @Operation(summary = "Rebuild the shop's search entries from its products (a background job)")
    Accepted reindex(Authentication caller) {
        return new Accepted(reindex.ofOwnTenant(StaffClaims.actorOf(caller)));
    }

    @Serdeable
    record Accepted(String jobId) {
    }
}
