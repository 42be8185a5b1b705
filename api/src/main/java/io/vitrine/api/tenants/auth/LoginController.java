package io.vitrine.api.tenants.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.vitrine.api.security.ClientAddress;
import io.vitrine.api.security.StaffClaims;
import io.vitrine.api.security.StaffTokens;
import io.vitrine.tenants.staff.SignedInStaff;
import io.vitrine.tenants.staff.StaffSessions;
import io.vitrine.tenants.staff.StaffSignIn;

/**
 * Staff sign-in: {@code POST /api/v1/auth/login {username, password}} answers a bearer JWT. Failures
 * are problem+json: 401 wrong credentials, locked or disabled account, 429 with Retry-After when rate
 * limited. (Micronaut's own login endpoint stays off: it cannot answer 429 or a locked account.)
 *
 * <p>{@code POST /api/v1/auth/logout} signs the caller out everywhere: every token of the account stops
 * working, the presented one included (a per-token deny list would cost every request one more shared
 * cache read; the account-wide generation is read anyway).
 */
@Controller("/api/v1/auth")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
class LoginController {

    private final StaffSignIn signIn;
    private final StaffTokens tokens;
    private final ClientAddress clientAddress;
    private final StaffSessions sessions;

    LoginController(StaffSignIn signIn, StaffTokens tokens, ClientAddress clientAddress, StaffSessions sessions) {
        this.signIn = signIn;
        this.tokens = tokens;
        this.clientAddress = clientAddress;
        this.sessions = sessions;
    }

    @Post("/login")
    TokenView login(HttpRequest<?> request, @Body LoginRequest login) {
        SignedInStaff staff = signIn.signIn(login.username(), login.password(), clientAddress.of(request));
        return new TokenView(tokens.issue(staff), "Bearer", tokens.lifetime().toSeconds(), staff.role().name(),
                staff.tenant() == null ? null : staff.tenant().value());
    }

    @Post("/logout")
    @Status(HttpStatus.NO_CONTENT)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    void logout(Authentication caller) {
        sessions.endAll(StaffClaims.actorOf(caller).id());
    }

    @Serdeable
    record LoginRequest(@Nullable String username, @Nullable String password) {
        @Override
        public String toString() {
            return "LoginRequest[" + username + "]";
        }
    }

    @Serdeable
    record TokenView(String accessToken, String tokenType, long expiresIn, String role, @Nullable String tenant) {
    }
}
