package io.vitrine.api.ops;

/** A backup or restore refused, with what to do about it; nothing was written. */
public final class DataDirectoryException extends RuntimeException {

    public DataDirectoryException(String message) {
        super(message);
    }
}
