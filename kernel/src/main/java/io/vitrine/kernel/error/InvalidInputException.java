package io.vitrine.kernel.error;

import java.util.List;
import java.util.stream.Collectors;

/** Malformed or invalid input, one entry per offending field (HTTP 400). */
public class InvalidInputException extends DomainException {

    private final List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super(describe(errors));
        this.errors = List.copyOf(errors);
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(List.of(new FieldError(field, message)));
    }

    /** One field that broke a rule with a stable code (e.g. {@code SLUG_FORM}). */
    public static InvalidInputException of(String field, String rule, String message) {
        return new InvalidInputException(List.of(new FieldError(field, message, rule)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    private static String describe(List<FieldError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("invalid input names at least one field");
        }
        return errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
    }
}
