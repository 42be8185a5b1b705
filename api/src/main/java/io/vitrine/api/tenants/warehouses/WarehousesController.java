package io.vitrine.api.tenants.warehouses;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.vitrine.api.idempotency.Idempotent;
import io.vitrine.api.security.StaffClaims;
import io.vitrine.api.tenants.Listing;
import io.vitrine.tenants.warehouses.BondedWarehouse;
import io.vitrine.tenants.warehouses.ParkWarehouses;
import io.vitrine.tenants.warehouses.WarehouseForm;

/** A park's bonded warehouses: its admin registers them, the park's and its members' staff read them. */
@Controller("/api/v1/parks/{parkSlug}/warehouses")
@ExecuteOn(TaskExecutors.BLOCKING)
class WarehousesController {

    private final ParkWarehouses warehouses;

    WarehousesController(ParkWarehouses warehouses) {
        this.warehouses = warehouses;
    }

    @Post
    @Idempotent
    @Status(HttpStatus.CREATED)
    @Secured("PARK_ADMIN")
    WarehouseView register(@PathVariable String parkSlug, @Body WarehouseRequest request, Authentication caller) {
        return WarehouseView.of(warehouses.register(StaffClaims.actorOf(caller), parkSlug, new WarehouseForm(
                request.code(), request.name(), request.emsNo(), request.customsCode(), request.areaCode(),
                request.operatorUscc())));
    }

    @Get
    @Secured(SecurityRule.IS_AUTHENTICATED)
    Listing<WarehouseView> list(@PathVariable String parkSlug, Authentication caller) {
        return Listing.of(warehouses.list(StaffClaims.actorOf(caller), parkSlug).stream().map(WarehouseView::of).toList());
    }

    @Serdeable
    record WarehouseRequest(@Nullable String code, @Nullable String name, @Nullable String emsNo,
                            @Nullable String customsCode, @Nullable String areaCode, @Nullable String operatorUscc) {
    }

    @Serdeable
    record WarehouseView(String code, String name, String emsNo, String customsCode, String areaCode,
                         String operatorUscc) {
        static WarehouseView of(BondedWarehouse w) {
            return new WarehouseView(w.code(), w.name(), w.emsNo(), w.customsCode(), w.areaCode(), w.operatorUscc());
        }
    }
}
