package io.vitrine.kernel.error;

/** The request conflicts with the resource's current state (HTTP 409), e.g. paying a cancelled order. */
public class ConflictException extends DomainException {

    public ConflictException(String message) {
        super(message);
    }
}
