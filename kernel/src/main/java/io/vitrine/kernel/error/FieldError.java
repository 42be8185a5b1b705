package io.vitrine.kernel.error;

import java.util.Objects;

/**
 * One invalid input field: {@code field} is the camelCase path the client sent (e.g.
 * {@code buyer.idNumber}, {@code lines[2].gtin}); {@code message} says which rule it broke and never
 * repeats the value (it may be personal data).
 */
public record FieldError(String field, String message) {

    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
