package io.vitrine.api.console.staff;

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
import io.vitrine.tenants.access.Actor;
import io.vitrine.tenants.access.StaffRole;
import io.vitrine.tenants.staff.IssuedInvitation;
import io.vitrine.tenants.staff.StaffForm;
import io.vitrine.tenants.staff.StaffManagement;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code /console/staff}: the tenant's staff, and the invitation of a new member (username, role and, for
 * a store manager, the stores it will see). The invitation token and its link are shown this once; the
 * admin hands them over (there is no mail server).
 */
@Controller("/console/staff")
@Secured({"RETAILER_ADMIN", "PARK_ADMIN"})
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
@Hidden
final class StaffPage {

    private final StaffManagement staff;
    private final HttpHostResolver host;
    private final OneTimeForms forms;

    StaffPage(StaffManagement staff, HttpHostResolver host, OneTimeForms forms) {
        this.staff = staff;
        this.host = host;
        this.forms = forms;
    }

    @Get
    HttpResponse<?> list(Authentication caller) {
        return page(HttpStatus.OK, caller, null, Map.of(), false);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> invite(HttpRequest<?> request, @Body InviteFields fields,
                           @Nullable @Body(OneTimeForms.FIELD) String formToken, Authentication caller) {
        return forms.once(request, caller, formToken, fields, () -> inviteOnce(request, fields, caller));
    }

    private HttpResponse<?> inviteOnce(HttpRequest<?> request, InviteFields fields, Authentication caller) {
        try {
            IssuedInvitation issued = staff.invite(StaffClaims.actorOf(caller),
                    new StaffForm(fields.username(), fields.role(), fields.storeCodeList()));
            return ConsolePage.showOnce("staff-invited", ConsolePage.model(caller,
                    "username", issued.invitation().username(),
                    "role", issued.invitation().role().name(),
                    "storeCodes", issued.invitation().storeCodeList(),
                    "invitationToken", issued.token(),
                    "invitationUrl", host.resolve(request) + "/console/invitations/" + issued.token(),
                    "invitationExpiresAt", ChinaTimeText.of(issued.invitation().expiresAt())));
        } catch (InvalidInputException invalid) {
            return page(HttpStatus.BAD_REQUEST, caller, fields, FormErrors.of(invalid, request), false);
        } catch (ConflictException taken) {
            return page(HttpStatus.CONFLICT, caller, fields, Map.of(), true);
        }
    }

    private HttpResponse<?> page(HttpStatus status, Authentication caller, @Nullable InviteFields fields,
                                 Map<String, String> errors, boolean usernameTaken) {
        Actor admin = StaffClaims.actorOf(caller);
        return ConsolePage.render(status, "staff", ConsolePage.model(caller,
                "members", staff.list().stream().map(StaffRow::of).toList(),
                "roles", invitable(admin),
                "storeBound", admin.is(StaffRole.RETAILER_ADMIN),
                "form", fields,
                "errors", errors,
                "usernameTaken", usernameTaken));
    }

    /** The roles this admin may hand out (StaffManagement checks it again). */
    private static List<String> invitable(Actor admin) {
        return Arrays.stream(StaffRole.values())
                .filter(role -> admin.is(StaffRole.RETAILER_ADMIN) ? role.belongsToMerchant() : role.belongsToPark())
                .map(Enum::name)
                .toList();
    }

    /** Store codes typed in one field, separated by commas, spaces or new lines. */
    @Serdeable
    public record InviteFields(@Nullable String username, @Nullable String role, @Nullable String storeCodes) {

        List<String> storeCodeList() {
            return storeCodes == null || storeCodes.isBlank() ? List.of()
                    : Arrays.stream(storeCodes.split("[,，\\s]+")).filter(code -> !code.isBlank()).toList();
        }
    }
}
