package io.vitrine.kernel.error;

/** The request conflicts with the current state (HTTP 409). Minimal stand-in until the kernel-values branch lands. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
