package io.vitrine.customs.signing;

/** The message could not be signed (already signed, unreadable, or the key or device failed). */
public class SigningFailedException extends RuntimeException {

    public SigningFailedException(String message) {
        super(message);
    }

    public SigningFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
