package io.vitrine.kernel.error;

import io.micronaut.core.annotation.Nullable;

/**
 * The request conflicts with the resource's current state (HTTP 409), e.g. paying a cancelled order. A conflict a
 * client must tell apart from others carries a stable {@code code} (e.g. {@code DECLARATION_NOT_REJECTED}).
 */
public class ConflictException extends DomainException {

    @Nullable
    private final String code;

    public ConflictException(String message) {
        this(null, message);
    }

    public ConflictException(@Nullable String code, String message) {
        super(message);
        this.code = code;
    }

    /** The stable code, or null for a plain conflict. */
    @Nullable
    public String code() {
        return code;
    }
}
