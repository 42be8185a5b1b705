package io.vitrine.kernel.error;

import io.micronaut.core.annotation.Nullable;

import java.util.Objects;

/**
 * One invalid input field: {@code field} is the camelCase path the client sent (e.g.
 * {@code buyer.idNumber}, {@code lines[2].gtin}); {@code message} says which rule it broke and never
 * repeats the value (it may be personal data); {@code rule}, when there is one, is the rule's stable
 * code (e.g. {@code USCC_CHECK_CHARACTER}) for clients that react to it.
 */
public record FieldError(String field, String message, @Nullable String rule) {

    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    public FieldError(String field, String message) {
        this(field, message, null);
    }
}
