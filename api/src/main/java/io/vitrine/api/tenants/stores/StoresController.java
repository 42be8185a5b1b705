package io.vitrine.api.tenants.stores;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.vitrine.api.idempotency.Idempotent;
import io.vitrine.api.security.StaffClaims;
import io.vitrine.api.tenants.Listing;
import io.vitrine.tenants.stores.Store;
import io.vitrine.tenants.stores.StoreForm;
import io.vitrine.tenants.stores.Stores;

import java.math.BigDecimal;

/**
 * The caller's stores (api.md): retailer admins create and change them; store managers read the stores
 * they are scoped to. Another tenant's store code is simply not found (404).
 */
@Controller("/api/v1/stores")
@ExecuteOn(TaskExecutors.BLOCKING)
class StoresController {

    private final Stores stores;

    StoresController(Stores stores) {
        this.stores = stores;
    }

    @Post
    @Idempotent
    @Status(HttpStatus.CREATED)
    @Secured("RETAILER_ADMIN")
    StoreView create(@Body StoreRequest request, Authentication caller) {
        return StoreView.of(stores.create(StaffClaims.actorOf(caller), request.form()));
    }

    @Get
    @Secured({"RETAILER_ADMIN", "STORE_MANAGER"})
    Listing<StoreView> list(Authentication caller, @QueryValue(defaultValue = "0") int page,
                            @QueryValue(defaultValue = "50") int size) {
        Listing.checkPage(page, size);
        return Listing.of(stores.list(StaffClaims.actorOf(caller), page, size), StoreView::of);
    }

    @Get("/{code}")
    @Secured({"RETAILER_ADMIN", "STORE_MANAGER"})
    StoreView get(@PathVariable String code, Authentication caller) {
        return StoreView.of(stores.get(StaffClaims.actorOf(caller), code));
    }

    @Put("/{code}")
    @Secured("RETAILER_ADMIN")
    StoreView update(@PathVariable String code, @Body StoreRequest request, Authentication caller) {
        return StoreView.of(stores.update(StaffClaims.actorOf(caller), code, request.form()));
    }

    @Serdeable
    record StoreRequest(@Nullable String code, @Nullable String name, @Nullable String kind, @Nullable String address,
                        @Nullable String district, @Nullable BigDecimal lat, @Nullable BigDecimal lng,
                        @Nullable String warehouseCode) {
        StoreForm form() {
            return new StoreForm(code, name, kind, address, district, lat, lng, warehouseCode);
        }
    }

    @Serdeable
    record StoreView(String code, String name, String kind, String address, String district, @Nullable BigDecimal lat,
                     @Nullable BigDecimal lng, String warehouseCode) {
        static StoreView of(Store s) {
            return new StoreView(s.code(), s.name(), s.kind().name(), s.address(), s.districtCode(), s.lat(), s.lng(),
                    s.warehouseCode());
        }
    }
}
