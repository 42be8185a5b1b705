package io.vitrine.kernel.error;

import java.util.List;

/** The input is malformed or fails validation (HTTP 400). Minimal stand-in until the kernel-values branch lands. */
public class InvalidInputException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super("Invalid input");
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
