package io.vitrine.kernel.error;

/** Unknown, or belongs to another tenant (HTTP 404). Minimal stand-in until the kernel-values branch lands. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
