package io.vitrine.kernel.privacy;

import io.micronaut.context.annotation.Context;
import jakarta.inject.Inject;

import io.micronaut.context.annotation.Value;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The key ring: every configured encryption key by id, the current one, and the blind-index key.
 * A {@code @Context} bean so that missing or malformed keys stop the application at start-up
 * instead of at the first order; the message names the settings to provide. Key material never
 * appears in messages or logs.
 */
@Context
public class PersonalDataKeys {

    static final Pattern KEY_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
    private static final int AES_256_BYTES = 32;
    private static final int MIN_HMAC_BYTES = 32;

    private final Map<String, SecretKey> encryptionKeys;
    private final String currentKeyId;
    private final SecretKey blindIndexKey;

    @Inject
    public PersonalDataKeys(PrivacyConfiguration configuration, @Value("${vitrine.data-dir:./data}") String dataDir) {
        this(resolve(configuration, Path.of(dataDir)));
    }

    /** Keys given directly: {@code keys} maps id to base64 key; used by tools and tests. */
    public PersonalDataKeys(Map<String, String> keys, String currentKeyId, String blindIndexKey) {
        if (keys.isEmpty() || currentKeyId == null || blindIndexKey == null) {
            throw new IllegalStateException("personal data keys are not configured: set vitrine.privacy.keys.<id>"
                    + " (base64 of 32 random bytes), vitrine.privacy.current-key and vitrine.privacy.blind-index-key"
                    + " (base64 of 32 random bytes), or vitrine.privacy.generate-dev-key=true in embedded mode only");
        }
        Map<String, SecretKey> ring = new LinkedHashMap<>();
        keys.forEach((id, base64) -> {
            if (!KEY_ID.matcher(id).matches()) {
                throw new IllegalStateException("personal data key id '" + id + "' is not 1-32 of a-z, 0-9, '-'");
            }
            ring.put(id, new SecretKeySpec(decode(base64, "vitrine.privacy.keys." + id, AES_256_BYTES, true), "AES"));
        });
        if (!ring.containsKey(currentKeyId)) {
            throw new IllegalStateException("vitrine.privacy.current-key '" + currentKeyId
                    + "' is not one of the configured vitrine.privacy.keys " + ring.keySet());
        }
        this.encryptionKeys = Map.copyOf(ring);
        this.currentKeyId = currentKeyId;
        this.blindIndexKey = new SecretKeySpec(
                decode(blindIndexKey, "vitrine.privacy.blind-index-key", MIN_HMAC_BYTES, false), "HmacSHA256");
        for (SecretKey key : encryptionKeys.values()) {
            if (MessageDigest.isEqual(key.getEncoded(), this.blindIndexKey.getEncoded())) {
                throw new IllegalStateException("vitrine.privacy.blind-index-key must differ from every encryption key");
            }
        }
    }

    private PersonalDataKeys(PersonalDataKeys resolved) {
        this.encryptionKeys = resolved.encryptionKeys;
        this.currentKeyId = resolved.currentKeyId;
        this.blindIndexKey = resolved.blindIndexKey;
    }

    private static PersonalDataKeys resolve(PrivacyConfiguration configuration, Path dataDir) {
        if (configuration.getKeys().isEmpty() && configuration.isGenerateDevKey()) {
            return DevKeyFile.loadOrCreate(dataDir.resolve(DevKeyFile.LOCATION));
        }
        return new PersonalDataKeys(configuration.getKeys(), configuration.getCurrentKey(),
                configuration.getBlindIndexKey());
    }

    public String currentKeyId() {
        return currentKeyId;
    }

    SecretKey currentKey() {
        return encryptionKeys.get(currentKeyId);
    }

    Optional<SecretKey> encryptionKey(String keyId) {
        return Optional.ofNullable(encryptionKeys.get(keyId));
    }

    SecretKey blindIndexKey() {
        return blindIndexKey;
    }

    private static byte[] decode(String base64, String setting, int bytes, boolean exact) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(setting + " is not valid base64");
        }
        if (exact ? key.length != bytes : key.length < bytes) {
            throw new IllegalStateException(setting + " must decode to " + (exact ? "" : "at least ") + bytes
                    + " bytes, not " + key.length);
        }
        return key;
    }
}
