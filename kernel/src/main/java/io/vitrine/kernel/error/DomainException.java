package io.vitrine.kernel.error;

/**
 * A refusal the domain expresses in its own terms. The api module maps each subtype to one
 * problem+json status (api.md "Conventions"); nothing here knows about HTTP.
 */
public abstract class DomainException extends RuntimeException {

    protected DomainException(String message) {
        super(message);
    }

    protected DomainException(String message, Throwable cause) {
        super(message, cause);
    }
}
