package io.vitrine.api.console;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Hidden;
import io.vitrine.kernel.error.ConflictException;
import io.vitrine.kernel.error.InvalidInputException;
import io.vitrine.tenants.staff.Invitations;
import io.vitrine.tenants.staff.StaffAccount;

import java.util.Map;

/**
 * {@code /console/invitations/{token}}: whoever was handed an invitation chooses a username (unless the
 * inviter chose it) and a password, then signs in. The password policy's refusals are shown next to the
 * fields and leave the invitation usable; a used or expired invitation, or a taken username, is said so
 * on the page; an unknown token is the 404 page.
 */
@Controller(ConsoleLinks.HOME + "/invitations")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
@Hidden
final class InvitationPage {

    private final Invitations invitations;
    private final int passwordMinLength;

    InvitationPage(Invitations invitations, @Value("${vitrine.auth.password-min-length:10}") int passwordMinLength) {
        this.invitations = invitations;
        this.passwordMinLength = passwordMinLength;
    }

    @Get("/{token}")
    HttpResponse<?> form(@PathVariable String token) {
        return page(HttpStatus.OK, token, null, Map.of(), false);
    }

    @Post(value = "/{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> accept(HttpRequest<?> request, @PathVariable String token, @Body AcceptForm form) {
        if (form.password() != null && !form.password().equals(form.passwordAgain())) {
            return page(HttpStatus.BAD_REQUEST, token, form.username(),
                    FormErrors.one("passwordAgain", "invitation.error.passwordsDiffer", request), false);
        }
        try {
            StaffAccount account = invitations.accept(token, form.username(), form.password());
            return ConsoleLinks.seeOther(request,
                    ConsoleLinks.LOGIN + "?welcome=1&username=" + ConsoleLinks.encode(account.username()));
        } catch (InvalidInputException invalid) {
            return page(HttpStatus.BAD_REQUEST, token, form.username(), FormErrors.of(invalid, request), false);
        } catch (ConflictException conflict) {
            return page(HttpStatus.CONFLICT, token, form.username(), Map.of(), true);
        }
    }

    /**
     * The token is in the address: no Referer may carry it to another site ("same-origin", not "no-referrer",
     * which would also make the browser send {@code Origin: null} with the form), no cache may keep the page.
     */
    private HttpResponse<?> page(HttpStatus status, String token, @Nullable String username, Map<String, String> errors,
                                 boolean conflict) {
        return ConsolePage.render(status, "invitation", ConsolePage.model(null, "token", token, "username", username,
                        "errors", errors, "conflict", conflict, "passwordMinLength", passwordMinLength))
                .header("Referrer-Policy", "same-origin")
                .header("Cache-Control", "no-store");
    }

    @Serdeable
    record AcceptForm(@Nullable String username, @Nullable String password, @Nullable String passwordAgain) {
        @Override
        public String toString() {
            return "AcceptForm[" + username + "]";
        }
    }
}
