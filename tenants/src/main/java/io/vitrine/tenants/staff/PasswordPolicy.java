package io.vitrine.tenants.staff;

import io.micronaut.context.annotation.Value;
import io.vitrine.kernel.error.FieldChecks;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * What a new staff password must be: at least {@code vitrine.auth.password-min-length} characters
 * (default 10), at most 72 bytes (bcrypt reads no further), and not the username.
 */
@Singleton
public class PasswordPolicy {

    static final int MAX_BYTES = 72;
    private final int minLength;

    public PasswordPolicy(@Value("${vitrine.auth.password-min-length:10}") int minLength) {
        this.minLength = minLength;
    }

    public void check(FieldChecks checks, String field, String password, String username) {
        if (password == null || password.isEmpty()) {
            checks.fail(field, "REQUIRED", "is required");
        } else if (password.codePointCount(0, password.length()) < minLength) {
            checks.fail(field, "PASSWORD_TOO_SHORT", "at least " + minLength + " characters");
        } else if (!PasswordHashing.isWellFormed(password)) {
            checks.fail(field, "PASSWORD_CHARACTERS", "must be text: no unpaired surrogate");
        } else if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            checks.fail(field, "PASSWORD_TOO_LONG", "at most " + MAX_BYTES + " bytes");
        } else if (username != null && password.toLowerCase(Locale.ROOT).equals(username.toLowerCase(Locale.ROOT))) {
            checks.fail(field, "PASSWORD_IS_USERNAME", "must not be the username");
        }
    }
}
