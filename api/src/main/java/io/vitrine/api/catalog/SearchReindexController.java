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
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.access.StaffRole;

/**
 * {@code POST /api/v1/search:reindex} (api.md "Catalog and stock"): a retailer admin has the search entries of
 * their own shop rebuilt from the products table, a platform admin the whole shared index (into a new index,
 * switched when complete); searches keep answering; progress at {@code GET /api/v1/jobs/{jobId}}. The ':' is a literal part of the path for Micronaut's router (tested).
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
    @Secured({"RETAILER_ADMIN", "PLATFORM_ADMIN"})
    @Operation(summary = "Rebuild search entries from the products (a background job)",
            description = "A retailer admin: the shop's entries, rewritten in the live index. A platform admin: every "
                    + "shop's, into a new index that replaces the live one when complete.")
    Accepted reindex(Authentication caller) {
        Actor actor = StaffClaims.actorOf(caller);
        return new Accepted(actor.is(StaffRole.PLATFORM_ADMIN) ? reindex.ofAllTenants(actor) : reindex.ofOwnTenant(actor));
    }

    @Serdeable
    record Accepted(String jobId) {
    }
}
