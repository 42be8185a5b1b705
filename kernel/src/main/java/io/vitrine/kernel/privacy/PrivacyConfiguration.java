package io.vitrine.kernel.privacy;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keys for personal data, from configuration (environment in production):
 * <pre>
 * vitrine.privacy.keys.&lt;id&gt;: base64 of 32 random bytes   # AES-256 keys; several during a rotation
 * vitrine.privacy.current-key: &lt;id&gt;                       # the key new values are encrypted with
 * vitrine.privacy.blind-index-key: base64 of 32+ random bytes  # HMAC key, never an encryption key
 * vitrine.privacy.generate-dev-key: false                  # embedded mode only: see DevKeyFile
 * </pre>
 * Key ids are lower-case letters, digits and '-' (environment variables arrive lower-cased anyway:
 * {@code VITRINE_PRIVACY_KEYS_K2025=...} is key {@code k2025}).
 */
@ConfigurationProperties("vitrine.privacy")
public class PrivacyConfiguration {

    private Map<String, String> keys = new LinkedHashMap<>();
    private String currentKey;
    private String blindIndexKey;
    private boolean generateDevKey;

    public Map<String, String> getKeys() {
        return keys;
    }

    public void setKeys(Map<String, String> keys) {
        this.keys = new LinkedHashMap<>(keys);
    }

    public String getCurrentKey() {
        return currentKey;
    }

    public void setCurrentKey(String currentKey) {
        this.currentKey = currentKey;
    }

    public String getBlindIndexKey() {
        return blindIndexKey;
    }

    public void setBlindIndexKey(String blindIndexKey) {
        this.blindIndexKey = blindIndexKey;
    }

    public boolean isGenerateDevKey() {
        return generateDevKey;
    }

    public void setGenerateDevKey(boolean generateDevKey) {
        this.generateDevKey = generateDevKey;
    }
}
