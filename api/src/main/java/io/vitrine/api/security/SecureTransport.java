package io.vitrine.api.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

/**
 * Whether the browser reached us over https, for what only https may carry: the {@code Secure} flag of our cookies
 * (the staff sign-in, the paired kiosk) and {@code Strict-Transport-Security}. True when the connection itself is
 * TLS, when the TLS-terminating proxy in front says so ({@code X-Forwarded-Proto: https}), or always with
 * {@code vitrine.web.always-secure} (VITRINE_WEB_ALWAYS_SECURE) for an installation only ever reached over https.
 *
 * <p>Believing {@code X-Forwarded-Proto} is safe here, unlike for a client address: a forged header can only make
 * the forger's own cookie Secure, or its own browser insist on https.
 */
@Singleton
public class SecureTransport {

    static final String FORWARDED_PROTO = "X-Forwarded-Proto";

    private final boolean alwaysSecure;

    SecureTransport(@Value("${vitrine.web.always-secure:false}") boolean alwaysSecure) {
        this.alwaysSecure = alwaysSecure;
    }

    public boolean isSecure(HttpRequest<?> request) {
        if (alwaysSecure || request.isSecure()) {
            return true;
        }
        String proto = request.getHeaders().get(FORWARDED_PROTO);
        return proto != null && proto.split(",")[0].trim().equalsIgnoreCase("https");
    }
}
