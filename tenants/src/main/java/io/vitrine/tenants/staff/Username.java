package io.vitrine.tenants.staff;

import io.vitrine.kernel.error.InvalidInputException;

import java.util.Locale;
import java.util.regex.Pattern;

/** A staff username: 3-64 of a-z, 0-9, '.', '_', '-', '@', unique platform-wide, kept lower case. */
public record Username(String value) {

    private static final Pattern FORM = Pattern.compile("[a-z0-9][a-z0-9._@-]{2,63}");

    public Username {
        if (value == null || !FORM.matcher(value).matches()) {
            throw InvalidInputException.of("username", "USERNAME_FORM",
                    "3-64 of a-z, 0-9, '.', '_', '-', '@', starting with a letter or digit");
        }
    }

    public static Username parse(String raw) {
        return new Username(raw == null ? null : raw.strip().toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return value;
    }
}
