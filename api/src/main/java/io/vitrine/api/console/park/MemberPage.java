package io.vitrine.api.console.park;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Hidden;
import io.vitrine.api.console.ChinaTimeText;
import io.vitrine.api.console.ConsoleLinks;
import io.vitrine.api.console.ConsolePage;
import io.vitrine.api.console.FleetCounts;
import io.vitrine.api.console.FormErrors;
import io.vitrine.api.security.StaffClaims;
import io.vitrine.kernel.error.InvalidInputException;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.parks.MemberDetail;
import io.vitrine.tenants.parks.MemberOversight;
import io.vitrine.tenants.parks.MemberSuspensions;
import io.vitrine.tenants.registry.Tenant;
import io.vitrine.tenants.registry.TenantStatus;
import io.vitrine.tenants.stores.Store;

import java.util.Map;

/**
 * {@code /console/park/members/{slug}}: one member of the admin's park as its oversight allows (issue #3
 * "Parks read members' data only through explicit, audited services"): the member, why and since when it is
 * in its status, its store count and devices per kind and state, its stores page by page — each read recorded
 * in the member's audit trail by {@link MemberOversight} — and suspending or reinstating it, with a reason
 * ({@link MemberSuspensions}). A tenant that is not a member of the admin's own park is the 404 page.
 */
@Controller("/console/park/members/{slug}")
@Secured("PARK_ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
@Hidden
final class MemberPage {

    static final int PAGE_SIZE = 50;

    private final MemberOversight oversight;
    private final MemberSuspensions suspensions;
    private final OwnPark ownPark;

    MemberPage(MemberOversight oversight, MemberSuspensions suspensions, OwnPark ownPark) {
        this.oversight = oversight;
        this.suspensions = suspensions;
        this.ownPark = ownPark;
    }

    @Get
    HttpResponse<?> show(@PathVariable String slug, @QueryValue(defaultValue = "0") int page,
                         @Nullable @QueryValue String changed, Authentication caller) {
        return page(HttpStatus.OK, slug, Math.max(page, 0), caller, Map.of(), null,
                "suspended".equals(changed) || "reinstated".equals(changed) ? changed : null);
    }

    /** Its storefront and kiosk pages answer 404 from now on; the 409 page when it is suspended already. */
    @Post(value = "/suspend", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> suspend(HttpRequest<?> request, @PathVariable String slug, @Body ReasonForm form,
                            Authentication caller) {
        return change(request, slug, form, caller, TenantStatus.SUSPENDED);
    }

    /** The 409 page when it is not suspended. */
    @Post(value = "/reinstate", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> reinstate(HttpRequest<?> request, @PathVariable String slug, @Body ReasonForm form,
                              Authentication caller) {
        return change(request, slug, form, caller, TenantStatus.ACTIVE);
    }

    private HttpResponse<?> change(HttpRequest<?> request, String slug, ReasonForm form, Authentication caller,
                                   TenantStatus to) {
        Actor admin = StaffClaims.actorOf(caller);
        String park = ownPark.of(admin).slug();
        try {
            if (to == TenantStatus.SUSPENDED) {
                suspensions.suspend(admin, park, slug, form.reason());
            } else {
                suspensions.reinstate(admin, park, slug, form.reason());
            }
        } catch (InvalidInputException invalid) {
            return page(HttpStatus.BAD_REQUEST, slug, 0, caller, FormErrors.of(invalid, request), form.reason(), null);
        }
        return ConsoleLinks.seeOther(request, "/console/park/members/" + ConsoleLinks.encode(slug) + "?changed="
                + (to == TenantStatus.SUSPENDED ? "suspended" : "reinstated"));
    }

    private HttpResponse<?> page(HttpStatus status, String slug, int page, Authentication caller,
                                 Map<String, String> errors, @Nullable String reason, @Nullable String changed) {
        Actor admin = StaffClaims.actorOf(caller);
        String park = ownPark.of(admin).slug();
        MemberDetail detail = oversight.detail(admin, park, slug);
        Page<Store> stores = oversight.stores(admin, park, slug, page, PAGE_SIZE);
        Tenant member = detail.member();
        return ConsolePage.render(status, "park/member", ConsolePage.model(caller,
                "member", MemberRow.of(member),
                "statusReason", member.statusReason(),
                "statusChangedAt", ChinaTimeText.of(member.statusChangedAt()),
                "suspended", member.status() == TenantStatus.SUSPENDED,
                "storeCount", detail.stores(),
                "summary", FleetCounts.rows(detail.devices()),
                "stores", stores.getContent().stream().map(MemberStoreRow::of).toList(),
                "page", page,
                "total", stores.getTotalSize(),
                "hasNext", (long) (page + 1) * PAGE_SIZE < stores.getTotalSize(),
                "errors", errors,
                "reason", reason,
                "changed", changed));
    }

    @Serdeable
    record ReasonForm(@Nullable String reason) {
    }

    /** What a park reads of a member's store: where it is and which bonded warehouse serves it. */
    public record MemberStoreRow(String code, String name, String kind, String address, String district,
                                 String warehouseCode) {
        static MemberStoreRow of(Store store) {
            return new MemberStoreRow(store.code(), store.name(), store.kind().name(), store.address(),
                    store.districtCode(), store.warehouseCode());
        }
    }
}
