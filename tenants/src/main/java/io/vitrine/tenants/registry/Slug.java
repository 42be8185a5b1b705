package io.vitrine.tenants.registry;

import io.vitrine.kernel.error.InvalidInputException;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A tenant's slug: its storefront lives at {@code /s/{slug}}. 3-40 lower-case letters, digits and
 * single hyphens, starting with a letter; a few words are kept for the platform.
 */
public record Slug(String value) {

    private static final Pattern FORM = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final Set<String> RESERVED = Set.of("api", "admin", "static", "swagger", "swagger-ui",
            "health", "prometheus", "console", "login", "platform", "www", "sandbox", "pos");

    public Slug {
        if (value == null || value.length() < 3 || value.length() > 40 || !FORM.matcher(value).matches()) {
            throw InvalidInputException.of("slug", "SLUG_FORM",
                    "a slug is 3-40 lower-case letters, digits and single hyphens, starting with a letter");
        }
        if (RESERVED.contains(value)) {
            throw InvalidInputException.of("slug", "SLUG_RESERVED", "this slug is kept for the platform");
        }
    }

    /** Trims and lower-cases, then validates. */
    public static Slug parse(String raw) {
        return new Slug(raw == null ? null : raw.trim().toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return value;
    }
}
