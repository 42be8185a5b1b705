package io.vitrine.api.console.park;

import io.micronaut.data.model.Page;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Hidden;
import io.vitrine.api.console.ConsolePage;
import io.vitrine.api.security.StaffClaims;
import io.vitrine.tenants.registry.Tenant;
import io.vitrine.tenants.registry.TenantRegistry;

/** {@code /console/park/members}: the merchants the park approved. */
@Controller("/console/park/members")
@Secured("PARK_ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
@Hidden
final class MembersPage {

    private static final int PAGE_SIZE = 50;

    private final TenantRegistry registry;
    private final OwnPark ownPark;

    MembersPage(TenantRegistry registry, OwnPark ownPark) {
        this.registry = registry;
        this.ownPark = ownPark;
    }

    @Get
    HttpResponse<?> members(Authentication caller, @QueryValue(defaultValue = "0") int page) {
        Tenant park = ownPark.of(StaffClaims.actorOf(caller));
        Page<Tenant> members = registry.membersOf(park.tenantId(), Math.max(page, 0), PAGE_SIZE);
        return ConsolePage.render("park/members", ConsolePage.model(caller,
                "members", members.getContent().stream().map(MemberRow::of).toList(),
                "page", members.getPageNumber(),
                "total", members.getTotalSize(),
                "hasNext", (long) (members.getPageNumber() + 1) * PAGE_SIZE < members.getTotalSize()));
    }
}
