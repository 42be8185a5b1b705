package io.vitrine.api.console.park;

import io.micronaut.core.annotation.Nullable;
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
import io.vitrine.kernel.error.FieldChecks;
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.onboarding.ApplicationReview;
import io.vitrine.tenants.onboarding.ApplicationStatus;
import io.vitrine.tenants.onboarding.MerchantApplication;

import java.util.Arrays;

/**
 * {@code /console/park/applications}: the park's review queue, oldest first, filtered by status (the open
 * ones, SUBMITTED, unless the admin asks for another status or {@code all}).
 */
@Controller("/console/park/applications")
@Secured("PARK_ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
@Hidden
final class ApplicationQueuePage {

    static final int PAGE_SIZE = 50;
    private static final String ALL = "all";

    private final ApplicationReview review;
    private final OwnPark ownPark;

    ApplicationQueuePage(ApplicationReview review, OwnPark ownPark) {
        this.review = review;
        this.ownPark = ownPark;
    }

    @Get
    HttpResponse<?> queue(Authentication caller, @Nullable @QueryValue String status,
                          @QueryValue(defaultValue = "0") int page) {
        Actor admin = StaffClaims.actorOf(caller);
        String shown = status == null || status.isBlank() ? ApplicationStatus.SUBMITTED.name() : status.strip();
        ApplicationStatus wanted = null;
        if (!shown.equals(ALL)) {
            FieldChecks checks = new FieldChecks();
            wanted = checks.oneOf("status", shown, ApplicationStatus.class);
            checks.throwIfAny();
        }
        Page<MerchantApplication> found = review.queue(admin, ownPark.of(admin).slug(), wanted, Math.max(page, 0), PAGE_SIZE);
        return ConsolePage.render("park/applications", ConsolePage.model(caller,
                "applications", found.getContent().stream().map(ApplicationRow::of).toList(),
                "status", shown,
                "statuses", Arrays.stream(ApplicationStatus.values()).map(Enum::name).toList(),
                "page", found.getPageNumber(),
                "total", found.getTotalSize(),
                "hasNext", (long) (found.getPageNumber() + 1) * PAGE_SIZE < found.getTotalSize()));
    }
}
