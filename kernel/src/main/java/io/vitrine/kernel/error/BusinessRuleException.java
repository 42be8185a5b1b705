package io.vitrine.kernel.error;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A business rule refused the request (HTTP 422). {@code code} is stable and part of the public
 * contract (clients switch on it), e.g. {@code ANNUAL_LIMIT_EXCEEDED}; the message is for people.
 */
public class BusinessRuleException extends DomainException {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");

    private final String code;

    public BusinessRuleException(String code, String message) {
        super(message);
        Objects.requireNonNull(code, "code");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("a business rule code is UPPER_SNAKE_CASE: " + code);
        }
        this.code = code;
    }

    public String code() {
        return code;
    }
}
