package io.vitrine.api.catalog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
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

import java.time.Instant;
import java.util.List;

/**
 * What a store's kiosks and display shelves show (api.md "Catalog and stock"): retailer admins replace the
 * whole set ({@code skus} may be empty; an unknown SKU is a 400 naming it and changes nothing); retailer admins
 * and the store's managers read it a page at a time. Another tenant's store is 404.
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
    ReplacedView replace(@PathVariable String code, @Body AssortmentRequest request, Authentication caller) {
        return ReplacedView.of(assortments.replace(StaffClaims.actorOf(caller), code, request.skus()));
    }

    @Get
    @Secured({"RETAILER_ADMIN", "STORE_MANAGER"})
    Listing<AssortedView> list(@PathVariable String code, Authentication caller,
                               @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size) {
        Listing.checkPage(page, size);
        return Listing.of(read.list(StaffClaims.actorOf(caller), code, page, size), AssortedView::of);
    }

    @Serdeable
    record AssortmentRequest(@Nullable List<String> skus) {
    }

    /** How many SKUs the store now shows, and how many the replacement added and removed. */
    @Serdeable
    record ReplacedView(String storeCode, int skuCount, int added, int removed) {
        static ReplacedView of(AssortmentChange change) {
            return new ReplacedView(change.storeCode(), change.skuCount(), change.added(), change.removed());
        }
    }

    @Serdeable
    record AssortedView(String sku, Instant addedAt) {
        static AssortedView of(AssortedSku row) {
            return new AssortedView(row.sku(), row.addedAt());
        }
    }
}
