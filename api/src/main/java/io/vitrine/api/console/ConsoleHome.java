package io.vitrine.api.console;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import io.vitrine.api.security.StaffClaims;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.access.StaffRole;
import io.vitrine.tenants.onboarding.ApplicationReview;
import io.vitrine.tenants.onboarding.ApplicationStatus;
import io.vitrine.tenants.registry.Tenant;
import io.vitrine.tenants.registry.TenantDirectory;
import io.vitrine.tenants.stores.Stores;

import java.util.Map;

/**
 * {@code /console}: the signed-in staff member's start page. Its sections follow the role (the frame's
 * navigation too): a park admin sees how many applications wait, a retailer how many stores it has.
 */
@Controller(ConsoleLinks.HOME)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
@Hidden
final class ConsoleHome {

    private final TenantDirectory directory;
    private final ApplicationReview review;
    private final Stores stores;

    ConsoleHome(TenantDirectory directory, ApplicationReview review, Stores stores) {
        this.directory = directory;
        this.review = review;
        this.stores = stores;
    }

    @Get
    HttpResponse<?> home(Authentication caller) {
        Actor actor = StaffClaims.actorOf(caller);
        Tenant tenant = actor.tenantId().flatMap(directory::find).orElse(null);
        Map<String, Object> model = ConsolePage.model(caller, "tenant", tenant);
        if (tenant != null && actor.is(StaffRole.PARK_ADMIN)) {
            model.put("waiting", review.queue(actor, tenant.slug(), ApplicationStatus.SUBMITTED, 0, 1).getTotalSize());
        }
        if (actor.role().belongsToMerchant()) {
            model.put("storeCount", stores.list(actor, 0, 1).getTotalSize());
        }
        return ConsolePage.render("home", model);
    }
}
