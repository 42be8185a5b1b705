package io.vitrine.api.security;

import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import io.vitrine.api.testing.EmbeddedVitrine;
import io.vitrine.api.testing.RunningVitrine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(EmbeddedVitrine.class)
class SecurityBaselineTest {

    private final RunningVitrine vitrine;

    SecurityBaselineTest(RunningVitrine vitrine) {
        this.vitrine = vitrine;
    }

    @Test
    void a_token_signed_with_the_instance_secret_is_accepted() {
        String token = vitrine.bean(TokenGenerator.class)
                .generateToken(Authentication.build("ops", List.of("PLATFORM_ADMIN")), 300).orElseThrow();

        HttpResponse<String> response = vitrine.get("/test-only/problems/staff-only", "Authorization", "Bearer " + token);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("staff");
    }

    @Test
    void a_token_signed_with_another_secret_is_refused() throws Exception {
        SecretSignatureConfiguration other = new SecretSignatureConfiguration("other");
        other.setSecret("another-secret-that-is-long-enough-for-hs256-0123456789");
        com.nimbusds.jwt.JWTClaimsSet claims = new com.nimbusds.jwt.JWTClaimsSet.Builder()
                .subject("intruder").claim("roles", List.of("PLATFORM_ADMIN"))
                .expirationTime(new java.util.Date(System.currentTimeMillis() + 300_000)).build();
        String forged = new SecretSignature(other).sign(claims).serialize();

        HttpResponse<String> response = vitrine.get("/test-only/problems/staff-only", "Authorization", "Bearer " + forged);

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void an_unsigned_token_is_refused() {
        com.nimbusds.jwt.JWTClaimsSet claims = new com.nimbusds.jwt.JWTClaimsSet.Builder()
                .subject("intruder").claim("roles", List.of("PLATFORM_ADMIN"))
                .expirationTime(new java.util.Date(System.currentTimeMillis() + 300_000)).build();
        String unsigned = new com.nimbusds.jwt.PlainJWT(claims).serialize();

        HttpResponse<String> response = vitrine.get("/test-only/problems/staff-only", "Authorization", "Bearer " + unsigned);

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void issued_tokens_are_signed_with_hs256() throws Exception {
        String token = vitrine.bean(TokenGenerator.class)
                .generateToken(Authentication.build("ops", List.of("PLATFORM_ADMIN")), 300).orElseThrow();

        assertThat(com.nimbusds.jwt.JWTParser.parse(token).getHeader().getAlgorithm().getName()).isEqualTo("HS256");
    }

    @Test
    void pages_operations_and_docs_are_public_and_everything_else_is_not() {
        Map<String, Integer> expected = Map.of(
                "/", 200,
                "/static/css/vitrine.css", 200,
                "/health", 200,
                "/prometheus", 200,
                "/swagger/vitrine.yml", 200,
                "/swagger-ui/index.html", 200,
                "/test-only/problems/staff-only", 401);

        expected.forEach((path, status) -> assertThat(vitrine.get(path).statusCode()).as(path).isEqualTo(status));
    }
}
