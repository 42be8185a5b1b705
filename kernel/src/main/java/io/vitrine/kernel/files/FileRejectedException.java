package io.vitrine.kernel.files;

/** An upload that breaks its category's rules; nothing was stored. */
public class FileRejectedException extends RuntimeException {

    public enum Reason { UNKNOWN_CATEGORY, TYPE_NOT_ALLOWED, CONTENT_NOT_AS_DECLARED, EMPTY, TOO_LARGE }

    private final Reason reason;

    public FileRejectedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
