package io.vitrine.kernel.privacy;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import static io.vitrine.kernel.privacy.PersonalDataCipherTest.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonalDataKeysConfigurationTest {

    @TempDir
    Path dataDir;

    @Test
    void without_keys_the_application_does_not_start() {
        assertThatThrownBy(() -> ApplicationContext.run(Map.of("vitrine.data-dir", dataDir.toString())).close())
                .hasRootCauseInstanceOf(IllegalStateException.class)
                .rootCause().hasMessageContaining("vitrine.privacy.keys.<id>")
                .hasMessageContaining("generate-dev-key");
        assertThat(dataDir).isEmptyDirectory();
    }

    @Test
    void a_current_key_that_is_not_configured_stops_the_start() {
        Map<String, Object> settings = Map.of(
                "vitrine.privacy.keys.k1", key(1),
                "vitrine.privacy.current-key", "k2",
                "vitrine.privacy.blind-index-key", key(3));
        assertThatThrownBy(() -> ApplicationContext.run(settings).close())
                .rootCause().hasMessageContaining("current-key 'k2' is not one of the configured");
    }

    @Test
    void a_key_of_the_wrong_length_stops_the_start_without_showing_it() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        Map<String, Object> settings = Map.of(
                "vitrine.privacy.keys.k1", shortKey,
                "vitrine.privacy.current-key", "k1",
                "vitrine.privacy.blind-index-key", key(3));
        assertThatThrownBy(() -> ApplicationContext.run(settings).close())
                .rootCause().hasMessageContaining("vitrine.privacy.keys.k1 must decode to 32 bytes, not 16")
                .hasMessageNotContaining(shortKey);
    }

    @Test
    void the_blind_index_key_must_not_be_an_encryption_key() {
        Map<String, Object> settings = Map.of(
                "vitrine.privacy.keys.k1", key(1),
                "vitrine.privacy.current-key", "k1",
                "vitrine.privacy.blind-index-key", key(1));
        assertThatThrownBy(() -> ApplicationContext.run(settings).close())
                .rootCause().hasMessageContaining("must differ from every encryption key");
    }

    @Test
    void configured_keys_rotate_old_values_stay_readable() {
        Map<String, Object> before = new HashMap<>(Map.of(
                "vitrine.privacy.keys.k2024", key(1),
                "vitrine.privacy.current-key", "k2024",
                "vitrine.privacy.blind-index-key", key(3)));
        String stored;
        String index;
        try (ApplicationContext context = ApplicationContext.run(before)) {
            stored = context.getBean(PersonalDataCipher.class).encrypt("13812345678");
            index = context.getBean(BlindIndex.class).of(PersonalDataKind.PHONE, "13812345678");
        }
        Map<String, Object> after = new HashMap<>(before);
        after.put("vitrine.privacy.keys.k2025", key(2));
        after.put("vitrine.privacy.current-key", "k2025");
        try (ApplicationContext context = ApplicationContext.run(after)) {
            PersonalDataCipher cipher = context.getBean(PersonalDataCipher.class);
            assertThat(cipher.decrypt(stored)).isEqualTo("13812345678");
            assertThat(cipher.reencrypt(stored)).startsWith("v1:k2025:");
            // the blind index does not change with the encryption keys
            assertThat(context.getBean(BlindIndex.class).of(PersonalDataKind.PHONE, "+86 13812345678")).isEqualTo(index);
        }
    }

    @Test
    void embedded_mode_creates_keys_once_in_the_data_dir_and_reuses_them() throws Exception {
        Map<String, Object> embedded = Map.of(
                "vitrine.privacy.generate-dev-key", true,
                "vitrine.data-dir", dataDir.toString());
        String stored;
        try (ApplicationContext context = ApplicationContext.run(embedded)) {
            stored = context.getBean(PersonalDataCipher.class).encrypt("张三");
        }
        Path keyFile = dataDir.resolve("keys/privacy-dev-keys.properties");
        assertThat(keyFile).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        try (ApplicationContext restarted = ApplicationContext.run(embedded)) {
            assertThat(restarted.getBean(PersonalDataCipher.class).decrypt(stored)).isEqualTo("张三");
        }
    }

    @Test
    void configured_keys_win_over_the_embedded_default() {
        Map<String, Object> settings = Map.of(
                "vitrine.privacy.generate-dev-key", true,
                "vitrine.data-dir", dataDir.toString(),
                "vitrine.privacy.keys.k1", key(1),
                "vitrine.privacy.current-key", "k1",
                "vitrine.privacy.blind-index-key", key(3));
        try (ApplicationContext context = ApplicationContext.run(settings)) {
            assertThat(context.getBean(PersonalDataCipher.class).currentKeyId()).isEqualTo("k1");
        }
        assertThat(dataDir).isEmptyDirectory();
    }
}
