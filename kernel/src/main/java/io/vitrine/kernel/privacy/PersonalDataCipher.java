package io.vitrine.kernel.privacy;

import jakarta.inject.Singleton;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * Field-level encryption of personal data (names, ID numbers, phones, addresses, signed customs
 * XML) with AES-256-GCM from the JDK.
 *
 * <p>Stored form: {@code v1:<keyId>:<base64url(nonce 12 bytes | ciphertext | tag 16 bytes)>}. A fresh
 * random 96-bit nonce per value, so equal values encrypt differently (match them with a
 * {@link BlindIndex}). The {@code v1:<keyId>} header is authenticated as associated data. Values
 * are encrypted with the current key and decrypted with whichever configured key they name, so a
 * key can rotate: add the new key, make it current, {@link #reencrypt} stored values, then remove
 * the old key. Random nonces allow about 2^32 encryptions per key: rotate well before that.
 *
 * <p>Size: a value of n UTF-8 bytes is stored in about {@code 4 * (n + 28) / 3 + 12} characters.
 */
@Singleton
public class PersonalDataCipher {

    private static final String VERSION = "v1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final PersonalDataKeys keys;
    private final SecureRandom random = new SecureRandom();

    public PersonalDataCipher(PersonalDataKeys keys) {
        this.keys = keys;
    }

    public String encrypt(String plaintext) {
        String keyId = keys.currentKeyId();
        String header = VERSION + ":" + keyId;
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = gcm(Cipher.ENCRYPT_MODE, keys.currentKey(), nonce, header);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] payload = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return header + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    public String decrypt(String stored) {
        String[] parts = stored.split(":", 3);
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            throw new CiphertextRejectedException("not a personal data ciphertext of version " + VERSION);
        }
        String keyId = parts[1];
        SecretKey key = keys.encryptionKey(keyId).orElseThrow(() -> new CiphertextRejectedException(
                "personal data key '" + keyId + "' is not configured (was it removed before re-encryption?)"));
        byte[] payload;
        try {
            payload = Base64.getUrlDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new CiphertextRejectedException("personal data ciphertext is not base64url", e);
        }
        if (payload.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new CiphertextRejectedException("personal data ciphertext is truncated");
        }
        try {
            Cipher cipher = gcm(Cipher.DECRYPT_MODE, key, Arrays.copyOf(payload, NONCE_BYTES),
                    VERSION + ":" + keyId);
            byte[] plain = cipher.doFinal(payload, NONCE_BYTES, payload.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new CiphertextRejectedException("personal data ciphertext failed authentication under key '"
                    + keyId + "': it was altered or truncated", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        }
    }

    /** The value re-encrypted under the current key, or unchanged if it already uses it. */
    public String reencrypt(String stored) {
        return isUnderCurrentKey(stored) ? stored : encrypt(decrypt(stored));
    }

    /** Whether a stored value already uses the current key (rotation jobs select the others). */
    public boolean isUnderCurrentKey(String stored) {
        return stored.startsWith(VERSION + ":" + keys.currentKeyId() + ":");
    }

    public String currentKeyId() {
        return keys.currentKeyId();
    }

    private static Cipher gcm(int mode, SecretKey key, byte[] nonce, String header) throws GeneralSecurityException {
        // Cipher objects are stateful and not thread-safe: one per call
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(header.getBytes(StandardCharsets.US_ASCII));
        return cipher;
    }
}
