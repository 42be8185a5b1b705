package io.vitrine.kernel.privacy;

import jakarta.inject.Singleton;

import javax.crypto.Mac;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * Blind indexes: HMAC-SHA256 under the blind-index key (never an encryption key) of
 * {@code kind + ":" + normalised value}, as 64 lower-case hex characters (column {@code CHAR(64)}).
 * They let rules find equal personal data — the annual quota per ID number, many buyers behind one
 * phone or address — without decrypting anything. Without the key they cannot be reversed by trying
 * the small space of ID numbers or phones, which a plain hash could.
 *
 * <p>The blind-index key does not rotate with the encryption keys: changing it means recomputing
 * every index from the decrypted values.
 */
@Singleton
public class BlindIndex {

    private final PersonalDataKeys keys;

    public BlindIndex(PersonalDataKeys keys) {
        this.keys = keys;
    }

    public String of(PersonalDataKind kind, String value) {
        String input = kind.name() + ":" + kind.normalise(value);
        try {
            // Mac objects are stateful and not thread-safe: one per call
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(keys.blindIndexKey());
            return HexFormat.of().formatHex(mac.doFinal(input.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
