package io.vitrine.api.oversight.display;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.vitrine.api.oversight.display.DisplayJson.AccountJson;
import io.vitrine.api.security.StaffClaims;
import io.vitrine.api.tenants.Listing;
import io.vitrine.kernel.tabular.TabularFormat;
import io.vitrine.oversight.display.DisplayReports;
import io.vitrine.oversight.display.ParkDisplay;

import java.util.Optional;

/**
 * A park admin's view of its members' display accounts and the reconciliation to hand to customs (JSON, CSV, XLSX),
 * every read audited on the member. Another park, a non-member or an unknown slug is 404.
 */
@Controller("/api/v1/display/parks/{park}")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured("PARK_ADMIN")
class ParkDisplayController {

    private final ParkDisplay parks;
    private final DisplayReports reports;

    ParkDisplayController(ParkDisplay parks, DisplayReports reports) {
        this.parks = parks;
        this.reports = reports;
    }

    @Get("/accounts")
    Listing<AccountJson> accounts(@PathVariable String park, @Nullable @QueryValue String member,
                                  Authentication caller) {
        return Listing.of(parks.accounts(StaffClaims.actorOf(caller), park, member).stream()
                .map(found -> AccountJson.of(found.member(), found.account())).toList());
    }

    @Get(value = "/report", produces = {MediaType.APPLICATION_JSON, "text/csv",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    HttpResponse<?> report(@PathVariable String park, @Nullable @QueryValue String member,
                           @Nullable @QueryValue String format, Authentication caller) {
        Optional<TabularFormat> file = DisplayReports.format(format);
        return DisplayController.respond(reports, parks.report(StaffClaims.actorOf(caller), park, member), file);
    }
}
