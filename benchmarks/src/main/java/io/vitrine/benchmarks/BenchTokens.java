package io.vitrine.benchmarks;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * HS256 staff JWTs as the application's own {@code StaffTokens} would sign them, with the secret the benchmark gave
 * the application: no {@code sid} (no session), which only code holding the secret can mint.
 */
final class BenchTokens {

    private final String secret;

    BenchTokens(String secret) {
        this.secret = secret;
    }

    String platformAdmin() {
        return token("{\"sub\":\"bench\",\"roles\":[\"PLATFORM_ADMIN\"]");
    }

    String retailerAdmin(String tenant) {
        return token("{\"sub\":\"bench-retailer\",\"roles\":[\"RETAILER_ADMIN\"],\"tenant\":\"" + tenant + "\"");
    }

    private String token(String claimsWithoutTimes) {
        long now = System.currentTimeMillis() / 1000;
        String header = base64Url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        String claims = base64Url(claimsWithoutTimes + ",\"iat\":" + now + ",\"exp\":" + (now + 7200) + "}");
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] signature = mac.doFinal((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
            return "Bearer " + header + "." + claims + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
