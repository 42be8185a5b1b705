package io.vitrine.tenants.devices.signing;

/**
 * A request as a device sent it, before anything is trusted: the header values may be missing
 * (null) or malformed; the verifier decides.
 *
 * @param method    the HTTP method as sent ({@code POST})
 * @param target    the path exactly as sent, then {@code ?} and the query exactly as sent when the
 *                  request line has one (see {@link #target(String, String)}); never decoded,
 *                  re-encoded or reordered
 * @param deviceKey {@value #DEVICE_KEY}
 * @param timestamp {@value #TIMESTAMP}: epoch seconds
 * @param nonce     {@value #NONCE}
 * @param signature {@value #SIGNATURE}: Base64 of the HMAC-SHA256
 * @param body      the body bytes as received on the wire; null or empty for none
 */
public record SignedRequest(String method, String target, String deviceKey, String timestamp, String nonce,
                            String signature, byte[] body) {

    public static final String DEVICE_KEY = "X-Device-Key";
    public static final String TIMESTAMP = "X-Timestamp";
    public static final String NONCE = "X-Nonce";
    public static final String SIGNATURE = "X-Signature";
    /** Sent with every rejection (epoch seconds), so a device can correct its clock. */
    public static final String SERVER_TIME = "X-Server-Time";

    private static final byte[] NO_BODY = new byte[0];

    public SignedRequest {
        body = body == null ? NO_BODY : body;
    }

    /**
     * The signed target from the raw (still percent-encoded) path and query of the request line.
     *
     * @param rawQuery null when the request line has no {@code ?}; an empty string when it ends with
     *                 one, which then stays part of the target, as sent
     */
    public static String target(String rawPath, String rawQuery) {
        return rawQuery == null ? rawPath : rawPath + "?" + rawQuery;
    }

    /** The body is the device's input, not ours to copy: callers must not change it afterwards. */
    @Override
    public byte[] body() {
        return body;
    }

    @Override
    public String toString() {
        // the signature is not a secret, but there is no reason to spread it through logs
        return "SignedRequest[" + method + " " + target + ", deviceKey=" + deviceKey + ", timestamp=" + timestamp
                + ", nonce=" + nonce + ", body=" + body.length + " bytes]";
    }
}
