package io.vitrine.api.console;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.security.token.cookie.AccessTokenCookieConfiguration;
import io.vitrine.api.security.SecureTransport;
import io.vitrine.api.security.StaffTokens;
import io.vitrine.tenants.staff.SignedInStaff;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * The console's sign-in cookie: the staff JWT itself, under the name micronaut-security's cookie reader
 * looks for ({@code micronaut.security.token.cookie.cookie-name}). Its protections are fixed here, not
 * configurable: HttpOnly (no script reads the token), SameSite=Strict (no other site's page makes the
 * browser send it), Secure when the request came over https ({@link SecureTransport}: TLS, the proxy's
 * {@code X-Forwarded-Proto}, or {@code vitrine.web.always-secure}), Path=/ (the pages and {@code /api/v1/**}).
 * It lives as long as the token; signing out removes it, while the token itself stays valid until it
 * expires (there is no revocation list yet, as for bearer tokens).
 */
@Singleton
public class StaffSessionCookie {

    private final String name;
    private final StaffTokens tokens;
    private final SecureTransport transport;

    StaffSessionCookie(AccessTokenCookieConfiguration configuration, StaffTokens tokens, SecureTransport transport) {
        this.name = configuration.getCookieName();
        this.tokens = tokens;
        this.transport = transport;
    }

    Cookie signedIn(SignedInStaff staff, HttpRequest<?> request) {
        return protect(Cookie.of(name, tokens.issue(staff)), request).maxAge(tokens.lifetime());
    }

    Cookie signedOut(HttpRequest<?> request) {
        return protect(Cookie.of(name, ""), request).maxAge(Duration.ZERO);
    }

    /** True when the request carries the cookie: it may be what authenticates it. */
    public boolean carriedBy(HttpRequest<?> request) {
        return request.getCookies().contains(name);
    }

    private Cookie protect(Cookie cookie, HttpRequest<?> request) {
        return cookie.httpOnly(true).sameSite(SameSite.Strict).secure(transport.isSecure(request)).path("/");
    }
}
