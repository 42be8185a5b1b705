package io.vitrine.api.security;

import io.micronaut.context.exceptions.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JwtSigningSecretTest {

    private final JwtSigningSecret factory = new JwtSigningSecret();

    @Test
    void embedded_mode_generates_a_secret_once_and_reuses_it_after_a_restart(@TempDir Path dataDir) {
        String first = factory.generator(null, true, dataDir).getSecret();
        String afterRestart = factory.generator(null, true, dataDir).getSecret();

        assertThat(first).hasSizeGreaterThanOrEqualTo(JwtSigningSecret.MINIMUM_LENGTH).isEqualTo(afterRestart);
        assertThat(dataDir.resolve("secrets/jwt-signing-secret")).hasContent(first);
    }

    @Test
    void each_data_dir_gets_its_own_secret(@TempDir Path one, @TempDir Path other) {
        assertThat(factory.generator(null, true, one).getSecret())
                .isNotEqualTo(factory.generator(null, true, other).getSecret());
    }

    @Test
    void a_configured_secret_wins(@TempDir Path dataDir) {
        String configured = "x".repeat(40);

        assertThat(factory.generator(configured, true, dataDir).getSecret()).isEqualTo(configured);
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
}
