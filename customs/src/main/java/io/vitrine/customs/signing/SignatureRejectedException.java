package io.vitrine.customs.signing;

/** A signed message whose signature is missing, malformed, or does not match (tampered or wrong key). */
public class SignatureRejectedException extends RuntimeException {

    public SignatureRejectedException(String message) {
        super(message);
    }

    public SignatureRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
