package io.vitrine.kernel.privacy;

/**
 * A stored personal-data ciphertext could not be decrypted: it was altered or truncated (GCM
 * authentication failed), is not in our format, or names a key that is no longer configured.
 * This is an integrity or configuration fault, never a user error.
 */
public class CiphertextRejectedException extends RuntimeException {

    CiphertextRejectedException(String message) {
        super(message);
    }

    CiphertextRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
