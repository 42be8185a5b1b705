package io.vitrine.api.console.platform;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.util.HttpHostResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Hidden;
import io.vitrine.api.console.ChinaTimeText;
import io.vitrine.api.console.ConsolePage;
import io.vitrine.api.console.FormErrors;
import io.vitrine.api.console.OneTimeForms;
import io.vitrine.api.security.StaffClaims;
import io.vitrine.kernel.error.ConflictException;
import io.vitrine.kernel.error.InvalidInputException;
import io.vitrine.tenants.parks.CreatedPark;
import io.vitrine.tenants.parks.ParkForm;
import io.vitrine.tenants.parks.ParkOnboarding;

import java.util.Map;

/**
 * {@code /console/parks}: a platform admin creates a park; its first admin's invitation is shown this once.
 */
@Controller("/console/parks")
@Secured("PLATFORM_ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
@Hidden
final class ParksPage {

    private final ParkOnboarding onboarding;
    private final HttpHostResolver host;
    private final OneTimeForms forms;

    ParksPage(ParkOnboarding onboarding, HttpHostResolver host, OneTimeForms forms) {
        this.onboarding = onboarding;
        this.host = host;
        this.forms = forms;
    }

    @Get
    HttpResponse<?> form(Authentication caller) {
        return page(HttpStatus.OK, caller, null, Map.of(), false);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> create(HttpRequest<?> request, @Body ParkFields fields,
                           @Nullable @Body(OneTimeForms.FIELD) String formToken, Authentication caller) {
        return forms.once(request, caller, formToken, fields, () -> createOnce(request, fields, caller));
    }

    private HttpResponse<?> createOnce(HttpRequest<?> request, ParkFields fields, Authentication caller) {
        try {
            CreatedPark created = onboarding.createPark(StaffClaims.actorOf(caller), new ParkForm(fields.slug(),
                    fields.name(), fields.legalName(), fields.uscc(), fields.customsCode(), fields.customsPlace(),
                    fields.customsAreaCode()));
            String token = created.adminInvitation().token();
            return ConsolePage.showOnce("park-created", ConsolePage.model(caller,
                    "park", created.park(),
                    "invitationToken", token,
                    "invitationUrl", host.resolve(request) + "/console/invitations/" + token,
                    "invitationExpiresAt", ChinaTimeText.of(created.adminInvitation().invitation().expiresAt())));
        } catch (InvalidInputException invalid) {
            return page(HttpStatus.BAD_REQUEST, caller, fields, FormErrors.of(invalid, request), false);
        } catch (ConflictException taken) {
            return page(HttpStatus.CONFLICT, caller, fields, Map.of(), true);
        }
    }

    private HttpResponse<?> page(HttpStatus status, Authentication caller, @Nullable ParkFields fields,
                                 Map<String, String> errors, boolean taken) {
        return ConsolePage.render(status, "parks", ConsolePage.model(caller, "form", fields, "errors", errors,
                "taken", taken));
    }

    @Serdeable
    public record ParkFields(@Nullable String slug, @Nullable String name, @Nullable String legalName,
                             @Nullable String uscc, @Nullable String customsCode, @Nullable String customsPlace,
                             @Nullable String customsAreaCode) {
    }
}
