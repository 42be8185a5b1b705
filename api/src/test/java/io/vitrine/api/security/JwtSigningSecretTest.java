package io.vitrine.api.security;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.security.token.jwt.signature.SignatureGeneratorConfiguration;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JwtSigningSecretTest {

    private final JwtSigningSecret factory = new JwtSigningSecret();

    @Test
    void embedded_mode_generates_a_secret_once_and_reuses_it_after_a_restart(@TempDir Path dataDir) {
        String first = secretOf(factory.generator(null, true, dataDir));
        String afterRestart = secretOf(factory.generator(null, true, dataDir));

        assertThat(first).hasSizeGreaterThanOrEqualTo(JwtSigningSecret.MINIMUM_LENGTH).isEqualTo(afterRestart);
        assertThat(dataDir.resolve("secrets/jwt-signing-secret")).hasContent(first);
    }

    @Test
    void each_data_dir_gets_its_own_secret(@TempDir Path one, @TempDir Path other) {
        assertThat(secretOf(factory.generator(null, true, one)))
                .isNotEqualTo(secretOf(factory.generator(null, true, other)));
    }

    @Test
    void a_configured_secret_wins(@TempDir Path dataDir) {
        String configured = "x".repeat(40);

        assertThat(secretOf(factory.generator(configured, true, dataDir))).isEqualTo(configured);
        assertThat(dataDir.resolve("secrets")).doesNotExist();
    }

    @Test
    void cluster_mode_refuses_to_start_without_a_secret(@TempDir Path dataDir) {
        assertThatThrownBy(() -> factory.generator(null, false, dataDir))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("VITRINE_JWT_SECRET");
    }

    @Test
    void a_short_secret_is_refused(@TempDir Path dataDir) {
        assertThatThrownBy(() -> factory.generator("too-short", false, dataDir))
                .isInstanceOf(ConfigurationException.class);
    }

    @Test
    void an_application_that_requires_a_secret_does_not_start_without_one(@TempDir Path dataDir) {
        assertThatThrownBy(() -> ApplicationContext.run(Map.of(
                "vitrine.data-dir", dataDir.toString(),
                "vitrine.jwt.generate-if-missing", false)).close())
                .hasStackTraceContaining("VITRINE_JWT_SECRET is required");
    }

    private static String secretOf(SignatureGeneratorConfiguration signature) {
        return ((SecretSignature) signature).getSecret();
    }
}
