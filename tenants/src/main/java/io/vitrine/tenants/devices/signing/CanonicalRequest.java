package io.vitrine.tenants.devices.signing;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * What a device signs (api.md "Conventions"):
 * {@code METHOD \n TARGET \n TIMESTAMP \n NONCE \n hex(SHA-256(body))}, lower-case hex, the empty
 * body hashing the empty string. The signature is {@code Base64(HMAC-SHA256(secret, text))}; the
 * secret is used as the bytes the device holds (see {@link DeviceCredential#secret()}).
 */
public record CanonicalRequest(String method, String target, long timestamp, String nonce, String bodySha256Hex) {

    private static final String HMAC = "HmacSHA256";

    public CanonicalRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(bodySha256Hex, "bodySha256Hex");
    }

    public static CanonicalRequest of(String method, String target, long timestamp, String nonce, byte[] body) {
        return new CanonicalRequest(method, target, timestamp, nonce, sha256Hex(body == null ? new byte[0] : body));
    }

    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException everyJdkHasIt) {
            throw new IllegalStateException(everyJdkHasIt);
        }
    }

    /** The exact text that is signed. */
    public String text() {
        return method + '\n' + target + '\n' + timestamp + '\n' + nonce + '\n' + bodySha256Hex;
    }

    /** The raw HMAC-SHA256 of {@link #text()} under {@code secret}. */
    public byte[] hmac(byte[] secret) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret, HMAC));
            return mac.doFinal(text().getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException everyJdkHasIt) {
            throw new IllegalStateException(everyJdkHasIt);
        }
    }

    /** The {@code X-Signature} value: Base64 (standard alphabet, padded) of {@link #hmac}. */
    public String signature(byte[] secret) {
        return Base64.getEncoder().encodeToString(hmac(secret));
    }
}
