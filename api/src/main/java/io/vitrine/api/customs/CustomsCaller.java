package io.vitrine.api.customs;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Who may push to us as customs (or the e-port): the caller presents the shared secret
 * {@code vitrine.customs.receipts.http.shared-secret} in the {@value #HEADER} header. Both sides are hashed with
 * SHA-256 and compared with {@link MessageDigest#isEqual} (constant time, and no length leak). Mutual TLS, where the
 * e-port offers it, belongs to the proxy in front (docs/configuration.md); the secret is still required. Opening the
 * channel without a secret of at least 16 characters stops the start: a channel open to anyone is never the default.
 */
@Singleton
@Requires(condition = HttpReceiptsEnabled.class)
class CustomsCaller {

    static final String HEADER = "X-Customs-Token";
    static final int MIN_SECRET = 16;

    private final byte[] expected;

    CustomsCaller(@Nullable @Value("${vitrine.customs.receipts.http.shared-secret:}") String secret) {
        if (secret == null || secret.length() < MIN_SECRET) {
            throw new IllegalStateException("vitrine.customs.receipts.http.shared-secret must be set (at least "
                    + MIN_SECRET + " characters) when the HTTP receipt channel is open");
        }
        this.expected = sha256(secret);
    }

    /** @throws HttpStatusException 401 when the header is missing or wrong */
    void authenticate(@Nullable String presented) {
        if (presented == null || !MessageDigest.isEqual(expected, sha256(presented))) {
            throw new HttpStatusException(HttpStatus.UNAUTHORIZED, "The " + HEADER + " header is missing or wrong.");
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
