package io.vitrine.api.tenants.parks;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.vitrine.api.security.StaffClaims;
import io.vitrine.api.tenants.Listing;
import io.vitrine.api.tenants.devices.DeviceView;
import io.vitrine.api.tenants.registry.TenantView;
import io.vitrine.kernel.time.ChinaTime;
import io.vitrine.tenants.devices.FleetSummary;
import io.vitrine.tenants.parks.MemberDetail;
import io.vitrine.tenants.parks.MemberOversight;
import io.vitrine.tenants.parks.MemberSuspensions;
import io.vitrine.tenants.registry.Tenant;
import io.vitrine.tenants.stores.Store;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A park admin's view of, and oversight actions on, one member tenant of their park. Every read is
 * recorded in the member's audit trail; a tenant that is not a member of the caller's park is 404.
 */
@Controller("/api/v1/parks/{parkSlug}/tenants/{tenantSlug}")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured("PARK_ADMIN")
class ParkMembersController {

    private final MemberOversight oversight;
    private final MemberSuspensions suspensions;

    ParkMembersController(MemberOversight oversight, MemberSuspensions suspensions) {
        this.oversight = oversight;
        this.suspensions = suspensions;
    }

    /** The member, why and since when it is in its status, its store count and devices by kind and state. */
    @Get
    MemberView member(@PathVariable String parkSlug, @PathVariable String tenantSlug, Authentication caller) {
        return MemberView.of(oversight.detail(StaffClaims.actorOf(caller), parkSlug, tenantSlug));
    }

    @Get("/stores")
    Listing<MemberStoreView> stores(@PathVariable String parkSlug, @PathVariable String tenantSlug, Authentication caller,
                                    @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size) {
        Listing.checkPage(page, size);
        return Listing.of(oversight.stores(StaffClaims.actorOf(caller), parkSlug, tenantSlug, page, size),
                MemberStoreView::of);
    }

    /** The member's fleet status: the filters of {@code GET /api/v1/devices}. */
    @Get("/devices")
    Listing<DeviceView> devices(@PathVariable String parkSlug, @PathVariable String tenantSlug, Authentication caller,
                                @Nullable @QueryValue String status, @Nullable @QueryValue String kind,
                                @Nullable @QueryValue String storeCode, @QueryValue(defaultValue = "0") int page,
                                @QueryValue(defaultValue = "50") int size) {
        Listing.checkPage(page, size);
        return Listing.of(oversight.devices(StaffClaims.actorOf(caller), parkSlug, tenantSlug, status, kind, storeCode,
                page, size), DeviceView::of);
    }

    /** Its storefront and kiosk pages answer 404 from now on; 409 when it is suspended already. */
    @Post("/suspend")
    TenantView suspend(@PathVariable String parkSlug, @PathVariable String tenantSlug, @Body ReasonRequest request,
                       Authentication caller) {
        return TenantView.of(suspensions.suspend(StaffClaims.actorOf(caller), parkSlug, tenantSlug, request.reason()));
    }

    /** 409 when it is not suspended. */
    @Post("/reinstate")
    TenantView reinstate(@PathVariable String parkSlug, @PathVariable String tenantSlug, @Body ReasonRequest request,
                         Authentication caller) {
        return TenantView.of(suspensions.reinstate(StaffClaims.actorOf(caller), parkSlug, tenantSlug, request.reason()));
    }

    @Serdeable
    record ReasonRequest(@Nullable String reason) {
    }

    @Serdeable
    record DeviceCounts(String kind, long online, long offline, long pendingPairing, long revoked) {
    }

    @Serdeable
    record MemberView(TenantView tenant, @Nullable String statusReason, @Nullable OffsetDateTime statusChangedAt,
                      long stores, DeviceCounts devices, List<DeviceCounts> devicesByKind) {
        static MemberView of(MemberDetail detail) {
            Tenant member = detail.member();
            FleetSummary fleet = detail.devices();
            return new MemberView(TenantView.of(member), member.statusReason(),
                    member.statusChangedAt() == null ? null : member.statusChangedAt().atZone(ChinaTime.ZONE).toOffsetDateTime(),
                    detail.stores(),
                    new DeviceCounts("ALL", fleet.online(), fleet.offline(), fleet.pendingPairing(), fleet.revoked()),
                    fleet.kinds().stream().map(k -> new DeviceCounts(k.kind().name(), k.online(), k.offline(),
                            k.pendingPairing(), k.revoked())).toList());
        }
    }

    /** What a park reads of a member's store: where it is and which bonded warehouse serves it. */
    @Serdeable
    record MemberStoreView(String code, String name, String kind, String address, String district, String warehouseCode) {
        static MemberStoreView of(Store store) {
            return new MemberStoreView(store.code(), store.name(), store.kind().name(), store.address(),
                    store.districtCode(), store.warehouseCode());
        }
    }
}
