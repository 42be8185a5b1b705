package io.vitrine.pos.feed;

import io.vitrine.kernel.error.DomainException;

/**
 * The device's cursor is older than the store's change log still reaches (the entries after it were pruned, see
 * {@link ChangeLogRetention}): answering from it could skip changes, so the device must start again without a cursor
 * (a bootstrap). HTTP 410 problem+json, code {@value #CODE}, field {@code cursor}.
 */
public class CursorExpiredException extends DomainException {

    public static final String CODE = "CURSOR_EXPIRED";

    public CursorExpiredException() {
        super("This cursor is older than the store's change log keeps: start again without a cursor (bootstrap).");
    }
}
