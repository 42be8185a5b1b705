package io.vitrine.pos.events;

import io.vitrine.kernel.error.DomainException;

/** A batch over the limits (more than 500 events, or a body over the size limit): HTTP 413, nothing applied. */
public class BatchTooLargeException extends DomainException {

    public BatchTooLargeException(String message) {
        super(message);
    }
}
