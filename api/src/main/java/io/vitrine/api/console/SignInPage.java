package io.vitrine.api.console;

import io.micronaut.security.authentication.Authentication;
import io.vitrine.api.security.StaffClaims;
import io.vitrine.tenants.staff.StaffSessions;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Hidden;
import io.vitrine.api.security.ClientAddress;
import io.vitrine.kernel.error.RateLimitedException;
import io.vitrine.tenants.staff.SignInRefusedException;
import io.vitrine.tenants.staff.SignedInStaff;
import io.vitrine.tenants.staff.StaffSignIn;

/**
 * {@code /console/login}: the same sign-in as {@code POST /api/v1/auth/login} (rate limits, lockout), whose
 * token goes into the console's cookie instead of a JSON answer; {@code /console/logout} removes it and ends
 * the account's sessions (as {@code POST /api/v1/auth/logout}). A
 * refusal is the page again, with 401 (wrong credentials or a locked account, told apart for nobody) or
 * 429 (too many attempts, with Retry-After).
 */
@Controller(ConsoleLinks.HOME)
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
@Hidden
final class SignInPage {

    private final StaffSignIn signIn;
    private final StaffSessionCookie cookie;
    private final ClientAddress clientAddress;
    private final StaffSessions sessions;

    SignInPage(StaffSignIn signIn, StaffSessionCookie cookie, ClientAddress clientAddress, StaffSessions sessions) {
        this.signIn = signIn;
        this.cookie = cookie;
        this.clientAddress = clientAddress;
        this.sessions = sessions;
    }

    @Get("/login")
    HttpResponse<?> form(@Nullable @QueryValue String next, @Nullable @QueryValue String username,
                         @Nullable @QueryValue String welcome, @Nullable @QueryValue String signedOut) {
        return ConsolePage.render("login", ConsolePage.model(null, "next", ConsoleLinks.localNext(next),
                "username", username, "welcome", welcome != null, "signedOut", signedOut != null));
    }

    @Post(value = "/login", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> signIn(HttpRequest<?> request, @Body SignInForm form) {
        String next = ConsoleLinks.localNext(form.next());
        try {
            SignedInStaff staff = signIn.signIn(form.username(), form.password(), clientAddress.of(request));
            return ConsoleLinks.seeOther(request, next).cookie(cookie.signedIn(staff, request));
        } catch (SignInRefusedException refused) {
            return ConsolePage.render(HttpStatus.UNAUTHORIZED, "login",
                    ConsolePage.model(null, "next", next, "username", form.username(), "refused", true));
        } catch (RateLimitedException limited) {
            long minutes = (limited.retryAfterSeconds() + 59) / 60;
            return ConsolePage.render(HttpStatus.TOO_MANY_REQUESTS, "login",
                            ConsolePage.model(null, "next", next, "username", form.username(), "retryMinutes", minutes))
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(limited.retryAfterSeconds()));
        }
    }

    @Post(value = "/logout", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> signOut(HttpRequest<?> request, @Nullable Authentication caller) {
        if (caller != null) {
            // as POST /api/v1/auth/logout: the token itself stops working, not only this browser's cookie
            sessions.endAll(StaffClaims.actorOf(caller).id());
        }
        return ConsoleLinks.seeOther(request, ConsoleLinks.LOGIN + "?signedOut=1").cookie(cookie.signedOut(request));
    }

    @Serdeable
    record SignInForm(@Nullable String username, @Nullable String password, @Nullable String next) {
        @Override
        public String toString() {
            return "SignInForm[" + username + "]";
        }
    }
}
