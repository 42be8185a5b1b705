package io.vitrine.kernel.privacy;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonalDataCipherTest {

    static final String OLD_KEY = key(11);
    static final String NEW_KEY = key(12);
    static final String BLIND_KEY = key(13);

    private final PersonalDataCipher cipher = cipher(Map.of("k1", OLD_KEY), "k1");

    @Test
    void round_trips_chinese_and_latin_text() {
        for (String value : new String[] {"张三", "11010519491231002X", "广东省深圳市南山区科技园 1号", "John O'Neil", ""}) {
            String stored = cipher.encrypt(value);
            assertThat(stored).startsWith("v1:k1:").doesNotContain(value.isEmpty() ? ":::" : value);
            assertThat(cipher.decrypt(stored)).isEqualTo(value);
        }
    }

    @Test
    void equal_values_encrypt_differently() {
        assertThat(cipher.encrypt("13812345678")).isNotEqualTo(cipher.encrypt("13812345678"));
    }

    @Test
    void a_changed_byte_fails_authentication() {
        String stored = cipher.encrypt("11010519491231002X");
        String payload = stored.substring("v1:k1:".length());
        byte[] bytes = Base64.getUrlDecoder().decode(payload);
        bytes[bytes.length - 20] ^= 1; // a ciphertext byte
        String tampered = "v1:k1:" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        assertThatThrownBy(() -> cipher.decrypt(tampered))
                .isInstanceOf(CiphertextRejectedException.class)
                .hasMessageContaining("failed authentication");
    }

    @Test
    void truncated_or_foreign_values_are_rejected_clearly() {
        String stored = cipher.encrypt("13812345678");
        assertThatThrownBy(() -> cipher.decrypt(stored.substring(0, stored.length() - 4)))
                .isInstanceOf(CiphertextRejectedException.class);
        assertThatThrownBy(() -> cipher.decrypt("v1:k1:AAAA")).isInstanceOf(CiphertextRejectedException.class)
                .hasMessageContaining("truncated");
        assertThatThrownBy(() -> cipher.decrypt("13812345678")).isInstanceOf(CiphertextRejectedException.class);
        assertThatThrownBy(() -> cipher.decrypt("v1:k1:not base64!")).isInstanceOf(CiphertextRejectedException.class);
    }

    @Test
    void the_key_id_in_the_header_is_authenticated() {
        // two keys with the same bytes under different ids: relabelling the header must still fail
        PersonalDataCipher twins = cipher(Map.of("k1", OLD_KEY, "k9", OLD_KEY), "k1");
        String relabelled = twins.encrypt("张三").replace("v1:k1:", "v1:k9:");
        assertThatThrownBy(() -> twins.decrypt(relabelled)).isInstanceOf(CiphertextRejectedException.class);
    }

    @Test
    void after_rotation_old_values_stay_readable_and_reencrypt_moves_them_to_the_new_key() {
        String before = cipher.encrypt("13812345678");
        PersonalDataCipher rotated = cipher(Map.of("k1", OLD_KEY, "k2", NEW_KEY), "k2");

        assertThat(rotated.decrypt(before)).isEqualTo("13812345678");
        assertThat(rotated.isUnderCurrentKey(before)).isFalse();
        String after = rotated.reencrypt(before);
        assertThat(after).startsWith("v1:k2:");
        assertThat(rotated.isUnderCurrentKey(after)).isTrue();
        assertThat(rotated.reencrypt(after)).isSameAs(after);
        assertThat(rotated.encrypt("x")).startsWith("v1:k2:");

        // once the old key is removed, only re-encrypted values remain readable
        PersonalDataCipher newOnly = cipher(Map.of("k2", NEW_KEY), "k2");
        assertThat(newOnly.decrypt(after)).isEqualTo("13812345678");
        assertThatThrownBy(() -> newOnly.decrypt(before)).isInstanceOf(CiphertextRejectedException.class)
                .hasMessageContaining("'k1' is not configured");
    }

    static PersonalDataCipher cipher(Map<String, String> keys, String current) {
        return new PersonalDataCipher(new PersonalDataKeys(keys, current, BLIND_KEY));
    }

    static String key(int filler) {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (filler * 31 + i);
        }
        return Base64.getEncoder().encodeToString(key);
    }
}
