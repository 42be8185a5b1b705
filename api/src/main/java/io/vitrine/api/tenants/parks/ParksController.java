package io.vitrine.api.tenants.parks;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.vitrine.api.idempotency.Idempotent;
import io.vitrine.api.security.StaffClaims;
import io.vitrine.api.tenants.registry.TenantView;
import io.vitrine.kernel.time.ChinaTime;
import io.vitrine.tenants.parks.CreatedPark;
import io.vitrine.tenants.parks.ParkForm;
import io.vitrine.tenants.parks.ParkOnboarding;

import java.time.OffsetDateTime;

/** A platform admin creates parks (api.md "Tenants and onboarding"). */
@Controller("/api/v1/parks")
@ExecuteOn(TaskExecutors.BLOCKING)
class ParksController {

    private final ParkOnboarding onboarding;

    ParksController(ParkOnboarding onboarding) {
        this.onboarding = onboarding;
    }

    /** 201 with the park and the one-time {@code invitationToken} of its first admin. */
    @Post
    @Idempotent
    @Status(HttpStatus.CREATED)
    @Secured("PLATFORM_ADMIN")
    CreatedParkView create(@Body ParkRequest request, Authentication caller) {
        CreatedPark created = onboarding.createPark(StaffClaims.actorOf(caller), new ParkForm(request.slug(),
                request.name(), request.legalName(), request.uscc(), request.customsCode(), request.customsPlace(),
                request.customsAreaCode()));
        return new CreatedParkView(TenantView.of(created.park()), created.adminInvitation().token(),
                created.adminInvitation().invitation().expiresAt().atZone(ChinaTime.ZONE).toOffsetDateTime());
    }

    @Serdeable
    record ParkRequest(@Nullable String slug, @Nullable String name, @Nullable String legalName, @Nullable String uscc,
                       @Nullable String customsCode, @Nullable String customsPlace, @Nullable String customsAreaCode) {
    }

    @Serdeable
    record CreatedParkView(TenantView park, String invitationToken, OffsetDateTime invitationExpiresAt) {
    }
}
