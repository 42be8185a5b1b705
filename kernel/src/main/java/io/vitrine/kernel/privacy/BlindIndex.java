package io.vitrine.kernel.privacy;

import jakarta.inject.Singleton;

import javax.crypto.Mac;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.regex.Pattern;

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

    private static final Pattern PURPOSE = Pattern.compile("[a-z][a-z0-9-]{0,63}");

    private final PersonalDataKeys keys;

    public BlindIndex(PersonalDataKeys keys) {
        this.keys = keys;
    }

    public String of(PersonalDataKind kind, String value) {
        return hmac((kind.name() + ":" + kind.normalise(value)).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The same keyed HMAC over {@code purpose + ":"} and raw bytes, for lookups of data that is no
     * kind of personal data but may contain some, or a secret: a request body with a password, a
     * client address (idempotency keys). Each purpose is its own space, as each kind is; purposes are
     * lower case, so none can pass for a kind.
     */
    public String of(String purpose, byte[] data) {
        if (!PURPOSE.matcher(purpose).matches()) {
            throw new IllegalArgumentException("a purpose is lower-case letters, digits and '-'");
        }
        byte[] prefix = (purpose + ":").getBytes(StandardCharsets.UTF_8);
        byte[] input = new byte[prefix.length + data.length];
        System.arraycopy(prefix, 0, input, 0, prefix.length);
        System.arraycopy(data, 0, input, prefix.length, data.length);
        return hmac(input);
    }

    private String hmac(byte[] input) {
        try {
            // Mac objects are stateful and not thread-safe: one per call
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(keys.blindIndexKey());
            return HexFormat.of().formatHex(mac.doFinal(input));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
