package io.vitrine.api.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.security.token.jwt.generator.JwtTokenGenerator;
import io.vitrine.tenants.staff.SignedInStaff;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * Issues staff JWTs (HS256 with {@link JwtSigningSecret}) valid for {@code vitrine.auth.token-lifetime}
 * (default 8h, one working day).
 */
@Singleton
public class StaffTokens {

    private final JwtTokenGenerator generator;
    private final Duration lifetime;

    StaffTokens(JwtTokenGenerator generator, @Value("${vitrine.auth.token-lifetime:8h}") Duration lifetime) {
        this.generator = generator;
        this.lifetime = lifetime;
    }

    public String issue(SignedInStaff staff) {
        return generator.generateToken(StaffClaims.authenticationOf(staff), Math.toIntExact(lifetime.toSeconds()))
                .orElseThrow(() -> new IllegalStateException("the JWT generator produced no token"));
    }

    public Duration lifetime() {
        return lifetime;
    }
}
