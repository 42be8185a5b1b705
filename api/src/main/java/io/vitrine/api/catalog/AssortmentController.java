package io.vitrine.api.catalog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.vitrine.api.security.StaffClaims;
import io.vitrine.api.tenants.Listing;
import io.vitrine.catalog.assortment.AssortedSku;
import io.vitrine.catalog.assortment.AssortmentChange;
import io.vitrine.catalog.assortment.Assortments;
import io.vitrine.catalog.assortment.StoreAssortments;
import io.vitrine.kernel.error.InvalidInputException;
import io.vitrine.tenants.access.Actor;

import java.time.Instant;
import java.util.List;

/**
 * What a store's kiosks and display shelves show (api.md "Catalog and stock"): retailer admins replace the
 * whole set ({@code skus} may be empty; an unknown SKU is a 400 naming it and changes nothing); retailer admins
 * and the store's managers read it a page at a time. Another tenant's store is 404.
 * <p>
 * Both answers carry the list's version as a strong {@code ETag} ({@code "7"}); a replacement sent with
 * {@code If-Match} naming it is refused with 409 and changes nothing when the list has changed since (optimistic
 * concurrency: two retailers editing at once never silently undo each other). Without {@code If-Match} the
 * replacement applies to whatever the list is, as before.
 */
@Controller("/api/v1/stores/{code}/assortment")
@ExecuteOn(TaskExecutors.BLOCKING)
class AssortmentController {

    private final Assortments assortments;
    private final StoreAssortments read;

    AssortmentController(Assortments assortments, StoreAssortments read) {
        this.assortments = assortments;
        this.read = read;
    }

    @Put
    @Secured("RETAILER_ADMIN")
    HttpResponse<ReplacedView> replace(@PathVariable String code, @Body AssortmentRequest request,
                                       @Nullable @Header(HttpHeaders.IF_MATCH) String ifMatch, Authentication caller) {
        AssortmentChange change = assortments.replace(StaffClaims.actorOf(caller), code, request.skus(),
                expectedVersion(ifMatch));
        return HttpResponse.ok(ReplacedView.of(change)).header(HttpHeaders.ETAG, etag(change.version()));
    }

    @Get
    @Secured({"RETAILER_ADMIN", "STORE_MANAGER"})
    HttpResponse<Listing<AssortedView>> list(@PathVariable String code, Authentication caller,
                                             @QueryValue(defaultValue = "0") int page,
                                             @QueryValue(defaultValue = "50") int size) {
        Listing.checkPage(page, size);
        Actor actor = StaffClaims.actorOf(caller);
        long version = assortments.version(actor, code); // before the page: a change between them shows as stale
        return HttpResponse.ok(Listing.of(read.list(actor, code, page, size), AssortedView::of))
                .header(HttpHeaders.ETAG, etag(version));
    }

    private static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** {@code "7"} (or {@code 7}); {@code *} or none: no condition. Anything else: 400 on the header. */
    @Nullable
    private static Long expectedVersion(@Nullable String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String tag = ifMatch.strip();
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException notOurs) {
            throw InvalidInputException.of("If-Match", "ETAG_FORM",
                    "the ETag of the assortment as read (GET answers it), e.g. \"7\"");
        }
    }

    @Serdeable
    record AssortmentRequest(@Nullable List<String> skus) {
    }

    /** How many SKUs the store now shows, how many the replacement added and removed, and the list's version. */
    @Serdeable
    record ReplacedView(String storeCode, int skuCount, int added, int removed, long version) {
        static ReplacedView of(AssortmentChange change) {
            return new ReplacedView(change.storeCode(), change.skuCount(), change.added(), change.removed(),
                    change.version());
        }
    }

    @Serdeable
    record AssortedView(String sku, Instant addedAt) {
        static AssortedView of(AssortedSku row) {
            return new AssortedView(row.sku(), row.addedAt());
        }
    }
}
