package io.vitrine.tenants.devices.signing;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The device side of request signing, for clients, simulators and tests: produces the four headers
 * for a request (the same {@link CanonicalRequest} the verifier checks).
 */
public final class RequestSigner {

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public RequestSigner(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The headers a device sends: {@code X-Device-Key}, {@code X-Timestamp}, {@code X-Nonce}, {@code X-Signature}. */
    public record SignatureHeaders(String deviceKey, String timestamp, String nonce, String signature) {

        public Map<String, String> asMap() {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put(SignedRequest.DEVICE_KEY, deviceKey);
            headers.put(SignedRequest.TIMESTAMP, timestamp);
            headers.put(SignedRequest.NONCE, nonce);
            headers.put(SignedRequest.SIGNATURE, signature);
            return headers;
        }

        /** The request as the server will see it, these headers sent with {@code method target body}. */
        public SignedRequest toRequest(String method, String target, byte[] body) {
            return new SignedRequest(method, target, deviceKey, timestamp, nonce, signature, body);
        }
    }

    /** Signs with the clock's current second and a fresh random nonce (22 characters, base64url). */
    public SignatureHeaders sign(String deviceKey, byte[] secret, String method, String target, byte[] body) {
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        return sign(deviceKey, secret, method, target, body, clock.instant().getEpochSecond(),
                Base64.getUrlEncoder().withoutPadding().encodeToString(nonce));
    }

    /** Signs with a given timestamp and nonce (test vectors, clock-skew tests). */
    public static SignatureHeaders sign(String deviceKey, byte[] secret, String method, String target, byte[] body,
                                        long timestamp, String nonce) {
        String signature = CanonicalRequest.of(method, target, timestamp, nonce, body).signature(secret);
        return new SignatureHeaders(deviceKey, Long.toString(timestamp), nonce, signature);
    }
}
