package io.vitrine.api.console.park;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Hidden;
import io.vitrine.api.console.ConsolePage;
import io.vitrine.api.console.DeviceRow;
import io.vitrine.api.console.FleetFilter;
import io.vitrine.api.console.FormErrors;
import io.vitrine.api.security.StaffClaims;
import io.vitrine.kernel.error.NotFoundException;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.devices.DeviceKind;
import io.vitrine.tenants.devices.FleetDevice;
import io.vitrine.tenants.parks.MemberOversight;
import io.vitrine.tenants.parks.ParkAccess;
import io.vitrine.tenants.parks.ParkMember;

import java.util.Arrays;
import java.util.Map;

/**
 * {@code /console/park/members/{slug}/devices}: a member's fleet, one page at a time, with the filters of the
 * retailer's own devices page, read through {@link MemberOversight} (each page read is in the member's audit
 * trail). Read only: a park does not register or revoke a member's devices.
 */
@Controller("/console/park/members/{slug}/devices")
@Secured("PARK_ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
@Hidden
final class MemberDevicesPage {

    static final int PAGE_SIZE = 50;

    private final MemberOversight oversight;
    private final ParkAccess access;
    private final OwnPark ownPark;

    MemberDevicesPage(MemberOversight oversight, ParkAccess access, OwnPark ownPark) {
        this.oversight = oversight;
        this.access = access;
        this.ownPark = ownPark;
    }

    @Get
    HttpResponse<?> list(HttpRequest<?> request, @PathVariable String slug, @Nullable @QueryValue String status,
                         @Nullable @QueryValue String kind, @Nullable @QueryValue String storeCode,
                         @QueryValue(defaultValue = "0") int page, Authentication caller) {
        Actor admin = StaffClaims.actorOf(caller);
        String park = ownPark.of(admin).slug();
        FleetFilter filter = FleetFilter.of(status, kind, storeCode);
        int shownPage = Math.max(page, 0);
        HttpStatus answer = HttpStatus.OK;
        Map<String, String> filterErrors = Map.of();
        Page<FleetDevice> devices;
        ParkMember member;
        try {
            devices = oversight.devices(admin, park, slug, filter.status(), filter.kind(), filter.storeCode(),
                    shownPage, PAGE_SIZE);
            member = access.memberAsAdmin(admin, park, slug);
        } catch (NotFoundException notFound) {
            // not a member of this park: the 404 page (memberAsAdmin throws again); a member without that store: said on the filter
            member = access.memberAsAdmin(admin, park, slug);
            if (filter.storeCode() == null) {
                throw notFound;
            }
            devices = Page.empty();
            filterErrors = FormErrors.one("storeCode", "devices.error.unknownStore", request);
            answer = HttpStatus.NOT_FOUND;
        }
        String base = "/console/park/members/" + member.member().slug() + "/devices";
        return ConsolePage.render(answer, "park/member-devices", ConsolePage.model(caller,
                "member", MemberRow.of(member.member()),
                "devices", devices.getContent().stream().map(DeviceRow::of).toList(),
                "page", shownPage,
                "total", devices.getTotalSize(),
                "hasNext", (long) (shownPage + 1) * PAGE_SIZE < devices.getTotalSize(),
                "filter", filter,
                "filtered", filter.any(),
                "base", base,
                "listTarget", filter.target(base),
                "filterErrors", filterErrors,
                "kinds", Arrays.stream(DeviceKind.values()).map(Enum::name).toList()));
    }
}
